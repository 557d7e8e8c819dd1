package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/** Arrays and lists of enums, by ordinal (a smallint array) and by name. */
final class EnumArrayGroup implements EntityGroup {

    @Entity(name = "EaSchedule")
    @Table(name = "ea_schedules")
    static class Schedule {
        @Id
        Long id;
        @Enumerated(EnumType.ORDINAL)
        DayOfWeek[] days;
        @Enumerated(EnumType.ORDINAL)
        List<Tier> tiers;
        @Enumerated(EnumType.STRING)
        DayOfWeek[] dayNames;
    }

    final List<Schedule> schedules = new ArrayList<>();

    EnumArrayGroup() {
        for (long i = 1; i <= 5; i++) {
            Schedule schedule = new Schedule();
            schedule.id = i;
            schedule.days = i == 2 ? null : i == 3 ? new DayOfWeek[0]
                    : new DayOfWeek[] {DayOfWeek.of((int) i), null, DayOfWeek.SUNDAY};
            schedule.tiers = i == 4 ? null : List.of(Tier.values()[(int) i % 3], Tier.ENTERPRISE);
            schedule.dayNames = i == 5 ? null : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.of((int) i)};
            schedules.add(schedule);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("ea_schedules");
    }

    @Override
    public void persist(EntityManager em) {
        schedules.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Schedule.class, store -> schedules);
    }

    @Override
    public List<Object> entities() {
        return List.copyOf(schedules);
    }

    @Override
    public List<Object> more(EntityManager em) {
        Schedule schedule = new Schedule();
        schedule.id = 100L;
        schedule.days = new DayOfWeek[] {DayOfWeek.FRIDAY};
        return List.of(schedule);
    }
}
