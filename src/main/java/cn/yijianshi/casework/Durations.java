package cn.yijianshi.casework;

import java.time.Period;
import java.time.format.DateTimeParseException;

/** Reads an ISO period such as P30D for a citizen: "30日". */
public final class Durations {

    private Durations() {
    }

    public static String chinese(String isoPeriod) {
        try {
            Period period = Period.parse(isoPeriod);
            return period.getDays() > 0 && period.getMonths() == 0 && period.getYears() == 0
                    ? period.getDays() + "日" : isoPeriod;
        } catch (DateTimeParseException e) {
            return isoPeriod;
        }
    }
}
