package cn.yijianshi.system;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;

/**
 * Bench only (profile bench-fastexcel): the ledger's rows written by FastExcel, read by the same
 * query through a streaming cursor, in batches, for the ratio ours/FastExcel. No masking, no summary
 * sheet, no chart: FastExcel gets the lighter job.
 */
public final class FastExcelLedgerExport {

    private static final int BATCH = 5000;

    private FastExcelLedgerExport() {
    }

    /** Returns the number of rows written. Called reflectively by BenchRunner. */
    public static long write(DataSource dataSource, OutputStream out, Timestamp from, Timestamp to) throws SQLException {
        List<List<String>> head = List.of("问题编号", "来源", "类别", "办件编号", "问题描述", "责任部门", "责任人", "整改时限",
                "状态", "提出时间", "重办次数", "处理结果").stream().map(List::of).toList();
        long rows = 0;
        ExcelWriter writer = FastExcel.write(out).head(head).build();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor needs a transaction on some databases
            try (PreparedStatement query = connection.prepareStatement("SELECT issue_id, source, category, case_id, description, "
                    + "responsible_dept, responsible_person, deadline, status, raised_at, reopen_count, resolution FROM issue "
                    + "WHERE raised_at >= ? AND raised_at < ? ORDER BY raised_at, id")) {
                query.setFetchSize(1000);
                query.setTimestamp(1, from);
                query.setTimestamp(2, to);
                WriteSheet sheet = FastExcel.writerSheet("问题清单").build();
                List<List<Object>> batch = new ArrayList<>(BATCH);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        List<Object> row = new ArrayList<>(12);
                        for (int column = 1; column <= 12; column++) {
                            Object value = result.getObject(column);
                            if (value instanceof Timestamp timestamp) {
                                value = timestamp.toLocalDateTime();
                            } else if (value instanceof java.sql.Date date) {
                                value = date.toLocalDate();
                            }
                            row.add(value);
                        }
                        batch.add(row);
                        rows++;
                        if (batch.size() == BATCH) {
                            writer.write(batch, sheet);
                            batch.clear();
                        }
                    }
                }
                writer.write(batch, sheet);
            } finally {
                connection.rollback();
            }
        } finally {
            writer.finish();
        }
        return rows;
    }
}
