package cn.yijianshi.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Hands out readable numbers, one counter per prefix and hall day: cases (TX-20261122-000123), issues
 * (WT-…) and arbitration referrals (ZC-…).
 *
 * <p>One statement opens the day's counter or counts it up (MySQL/MariaDB {@code INSERT … ON DUPLICATE KEY UPDATE},
 * which also hands the number back; H2 {@code MERGE}, then a read of the number), inside the caller's transaction. It
 * takes the counter row's exclusive lock at once, whether it creates the row or finds it, and holds it until the
 * caller commits: concurrent intakes queue on that one lock and get consecutive numbers, and an intake that rolls
 * back gives its number back (no gaps). The day's first intakes used to look for the row, find none and insert it all
 * at once; on InnoDB each loser then held a shared lock from its duplicate-key check and waited for the others' to
 * count up: a deadlock (nine of ten clients at 9:00 got HTTP 500).
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * One day's counter of one prefix, and the number it gave when the database hands it back with the statement
     * (MyBatis reads and sets the fields).
     */
    static final class Counter {
        private final String prefix;
        private final String day;
        private Integer taken;

        Counter(String prefix, String day) {
            this.prefix = prefix;
            this.day = day;
        }
    }

    @Mapper
    public interface CounterMapper {
        /**
         * Takes the next number: the row is created with 1 or counted up, and stays locked until commit. MySQL and
         * MariaDB hand the number back with the statement ({@code LAST_INSERT_ID(expr)} is the insert id of its
         * answer, which the driver gives as the generated key): no second statement to read it.
         */
        @Insert(databaseId = "mysql", value = "INSERT INTO case_number (prefix, hall_day, last_no) VALUES (#{prefix}, #{day}, LAST_INSERT_ID(1)) "
                + "ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1)")
        @Update(databaseId = "h2", value = "MERGE INTO case_number c "
                + "USING (VALUES (CAST(#{prefix} AS VARCHAR(16)), CAST(#{day} AS VARCHAR(8)))) AS s(prefix, hall_day) "
                + "ON c.prefix = s.prefix AND c.hall_day = s.hall_day "
                + "WHEN MATCHED THEN UPDATE SET last_no = c.last_no + 1 "
                + "WHEN NOT MATCHED THEN INSERT (prefix, hall_day, last_no) VALUES (s.prefix, s.hall_day, 1)")
        @Options(databaseId = "mysql", useGeneratedKeys = true, keyProperty = "taken")
        void countUp(Counter counter);

        @Select("SELECT last_no FROM case_number WHERE prefix = #{prefix} AND hall_day = #{day}")
        int current(@Param("prefix") String prefix, @Param("day") String day);
    }

    private final CounterMapper counters;

    public CaseNumbers(CounterMapper counters) {
        this.counters = counters;
    }

    /** The next number of the day for {@code prefix}; call it inside the transaction that stores what it numbers. */
    public String next(String prefix, LocalDate hallDay) {
        String day = hallDay.format(DAY);
        Counter counter = new Counter(prefix, day);
        try {
            counters.countUp(counter);
        } catch (DuplicateKeyException anotherTransactionOpenedTheDay) {
            // H2 only: its MERGE of two first intakes both insert, and the second fails once the first commits.
            // The row exists now; counting up waits for its lock like every later intake. (MySQL never gets here.)
            counters.countUp(counter);
        }
        int number = counter.taken != null ? counter.taken : counters.current(prefix, day);
        return String.format("%s-%s-%06d", prefix, day, number);
    }
}
