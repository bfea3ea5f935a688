package vn.motcua.handoff;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When caseworkers are on duty: {@code MON-FRI 07:30-17:00; SAT 08:00-12:00} (days, or a range of days, then a time
 * range; {@code 24:00} ends at midnight). A malformed schedule stops start-up with one line saying what is expected.
 */
public final class DutySchedule {

    /** Every hour of every day: then only whether a caseworker is signed in decides. */
    public static final String ALWAYS = "MON-SUN 00:00-24:00";

    private static final Pattern SHIFT = Pattern.compile(
            "([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    private record Shift(Set<DayOfWeek> days, int fromMinute, int toMinute) {
    }

    private final List<Shift> shifts;

    private DutySchedule(List<Shift> shifts) {
        this.shifts = List.copyOf(shifts);
    }

    public static DutySchedule parse(String text) {
        List<Shift> shifts = new ArrayList<>();
        for (String part : text.toUpperCase(Locale.ROOT).split("[;,]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = SHIFT.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("MOTCUA_DUTY_HOURS: '" + part.strip()
                        + "' is not like 'MON-FRI 07:30-17:00' (days MON…SUN, times 00:00-24:00, ';' between shifts)");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
            int from = minute(m.group(3), m.group(4));
            int to = minute(m.group(5), m.group(6));
            if (from >= to) {
                throw new IllegalArgumentException("MOTCUA_DUTY_HOURS: '" + part.strip() + "' ends before it starts");
            }
            shifts.add(new Shift(days, from, to));
        }
        return new DutySchedule(shifts);
    }

    /** True when {@code at} (in the schedule's zone) falls in a shift. */
    public boolean covers(ZonedDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        return shifts.stream().anyMatch(s -> s.days().contains(at.getDayOfWeek())
                && minute >= s.fromMinute() && minute < s.toMinute());
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("MOTCUA_DUTY_HOURS: unknown day '" + name + "' (MON, TUE … SUN)");
    }

    private static int minute(String hour, String minute) {
        int h = Integer.parseInt(hour);
        int m = Integer.parseInt(minute);
        if (h > 24 || m > 59 || h == 24 && m > 0) {
            throw new IllegalArgumentException("MOTCUA_DUTY_HOURS: " + hour + ":" + minute + " is not a time of day");
        }
        return h * 60 + m;
    }
}
