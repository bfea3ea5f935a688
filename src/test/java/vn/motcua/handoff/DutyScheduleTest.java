package vn.motcua.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** The duty schedule, read in Ho Chi Minh City time. */
class DutyScheduleTest {

    private static final ZoneId HCMC = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void officeHoursOnWeekdaysAndAMorningOnSaturday() {
        DutySchedule schedule = DutySchedule.parse("MON-FRI 07:30-17:00; SAT 08:00-12:00");
        assertThat(schedule.covers(at(2026, 12, 1, 7, 29))).as("Tuesday before opening").isFalse();
        assertThat(schedule.covers(at(2026, 12, 1, 7, 30))).isTrue();
        assertThat(schedule.covers(at(2026, 12, 1, 16, 59))).isTrue();
        assertThat(schedule.covers(at(2026, 12, 1, 17, 0))).as("closing time").isFalse();
        assertThat(schedule.covers(at(2026, 12, 5, 9, 0))).as("Saturday morning").isTrue();
        assertThat(schedule.covers(at(2026, 12, 5, 13, 0))).isFalse();
        assertThat(schedule.covers(at(2026, 12, 6, 9, 0))).as("Sunday").isFalse();
    }

    @Test
    void theDefaultCoversEveryHourSoOnlyWhetherSomeoneIsSignedInDecides() {
        DutySchedule always = DutySchedule.parse(DutySchedule.ALWAYS);
        assertThat(always.covers(at(2026, 12, 6, 0, 0))).isTrue();
        assertThat(always.covers(at(2026, 12, 6, 23, 59))).isTrue();
    }

    @Test
    void aWeekRangeMayWrapAroundAndAMalformedScheduleSaysWhatIsExpected() {
        assertThat(DutySchedule.parse("FRI-MON 20:00-24:00").covers(at(2026, 12, 6, 21, 0))).as("Sunday night").isTrue();
        assertThatThrownBy(() -> DutySchedule.parse("weekdays 9-5"))
                .hasMessageContaining("MOTCUA_DUTY_HOURS").hasMessageContaining("MON-FRI 07:30-17:00");
        assertThatThrownBy(() -> DutySchedule.parse("MON 17:00-08:00")).hasMessageContaining("ends before it starts");
    }

    private static ZonedDateTime at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, HCMC);
    }
}
