package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.ZoneId;

import javax.sql.DataSource;

import cn.yijianshi.HallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first start records the zone times are written in; a node in another zone is refused, one in the same zone is not. */
@HallIntegrationTest
class StorageZoneMarkerTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theFirstStartRecordedTheZoneThisJvmRunsIn() {
        String recorded = jdbc.queryForObject("SELECT setting_value FROM cluster_setting WHERE name = 'storage-zone'", String.class);
        assertThat(ZoneId.of(recorded).getRules()).isEqualTo(ZoneId.systemDefault().getRules());
    }

    @Test
    void aNodeRunningInAnotherZoneIsRefusedInChineseAndEnglish() throws Exception {
        ZoneId elsewhere = ZoneId.systemDefault().getRules().equals(ZoneId.of("Asia/Shanghai").getRules())
                ? ZoneId.of("Europe/Berlin") : ZoneId.of("Asia/Shanghai");
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> StorageZoneMarker.check(connection, elsewhere))
                    .hasMessageContaining("本节点的时区是 " + elsewhere.getId())
                    .hasMessageContaining("every node must run in one zone")
                    .hasMessageContaining("yijianshi.storage-zone=");
            StorageZoneMarker.check(connection, ZoneId.systemDefault());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cluster_setting WHERE name = 'storage-zone'", Integer.class)).isOne();
    }
}
