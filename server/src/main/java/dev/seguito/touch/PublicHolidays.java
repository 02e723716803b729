package dev.seguito.touch;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A country's public holidays (jollyday's calendars), so that "reply within one business day" does not fall due on
 * Christmas or Ferragosto, and, when the team names its region or city too, theirs (Epiphany in Bavaria, Sant'Ambrogio
 * in Milan). A calendar is named by its country code, then the codes of jollyday's regions below it, joined by '-':
 * {@code IT}, {@code DE-BY}, {@code US-NY-NYC}; a city may be named without its region when that is unambiguous
 * ({@code IT-MI} for Milan, which jollyday files under the region 25, Lombardy). A team names its calendar in its
 * policy; the days it lists itself come on top. Each calendar's year is worked out once and kept: business-day
 * arithmetic asks for the same dates many times over a recomputation of a whole team.
 */
public final class PublicHolidays {

    private static final LoadingCache<String, Set<LocalDate>> BY_CALENDAR_AND_YEAR = Caffeine.newBuilder()
            .maximumSize(500)
            .build(PublicHolidays::load);

    private PublicHolidays() {
    }

    /** Whether {@code calendar} ("IT", "DE-BY", "IT-MI", letter case ignored) has holidays here. */
    public static boolean known(String calendar) {
        return path(calendar) != null;
    }

    /** The regions jollyday knows directly below {@code country}, for telling a team what it may name. */
    public static List<String> regionsOf(String country) {
        if (country == null || !HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        return manager(country).getCalendarHierarchy().getChildren().entrySet().stream()
                .map(region -> region.getKey().toUpperCase(Locale.ROOT) + " (" + region.getValue().getDescription(Locale.ENGLISH) + ")")
                .sorted().toList();
    }

    /** Whether {@code date} is a public holiday in {@code calendar}, which must be {@link #known}. */
    public static boolean isHoliday(String calendar, LocalDate date) {
        return BY_CALENDAR_AND_YEAR.get(calendar.toUpperCase(Locale.ROOT) + ":" + date.getYear()).contains(date);
    }

    private static Set<LocalDate> load(String calendarAndYear) {
        int colon = calendarAndYear.lastIndexOf(':');
        List<String> path = path(calendarAndYear.substring(0, colon));
        String[] regions = path.subList(1, path.size()).toArray(String[]::new);
        return manager(path.get(0)).getHolidays(Year.of(Integer.parseInt(calendarAndYear.substring(colon + 1))),
                        HolidayType.PUBLIC_HOLIDAY, regions).stream()
                // the day off: a holiday falling on a Saturday may be observed on the Friday
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The country and the jollyday region codes down to the calendar named (lower case, as jollyday wants them), or
     * null when there is no such calendar. A code not found below the level reached is looked for one level deeper,
     * where it must be the only match.
     */
    private static List<String> path(String calendar) {
        if (calendar == null || !calendar.strip().matches("[A-Za-z]{2}(-[A-Za-z0-9]{1,5}){0,3}")) {
            return null;
        }
        String[] codes = calendar.strip().toLowerCase(Locale.ROOT).split("-");
        if (!HolidayManager.getSupportedCalendarCodes().contains(codes[0].toUpperCase(Locale.ROOT))) {
            return null;
        }
        List<String> path = new ArrayList<>(List.of(codes[0]));
        CalendarHierarchy level = manager(codes[0]).getCalendarHierarchy();
        for (int i = 1; i < codes.length; i++) {
            String code = codes[i];
            CalendarHierarchy child = level.getChildren().get(code);
            if (child == null) {
                List<Map.Entry<String, CalendarHierarchy>> deeper = level.getChildren().entrySet().stream()
                        .filter(region -> region.getValue().getChildren().containsKey(code)).toList();
                if (deeper.size() != 1) {
                    return null;
                }
                path.add(deeper.get(0).getKey());
                child = deeper.get(0).getValue().getChildren().get(code);
            }
            path.add(code);
            level = child;
        }
        return List.copyOf(path);
    }

    private static HolidayManager manager(String country) {
        return HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
    }
}
