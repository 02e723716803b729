package dev.seguito.touch;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A country's public holidays (jollyday's calendars), so that "reply within one business day" does not fall due on
 * Christmas or Ferragosto. A team names its country in its policy; the days it lists itself come on top. Each
 * country's year is worked out once and kept: business-day arithmetic asks for the same dates many times over a
 * recomputation of a whole team.
 */
public final class PublicHolidays {

    private static final LoadingCache<String, Set<LocalDate>> BY_COUNTRY_AND_YEAR = Caffeine.newBuilder()
            .maximumSize(500)
            .build(PublicHolidays::load);

    private PublicHolidays() {
    }

    /** Whether {@code country} (ISO 3166-1 alpha-2, e.g. "IT") has a calendar here. */
    public static boolean known(String country) {
        return country != null && HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
    }

    /** Whether {@code date} is a public holiday in {@code country}, which must be {@link #known}. */
    public static boolean isHoliday(String country, LocalDate date) {
        return BY_COUNTRY_AND_YEAR.get(country.toUpperCase(Locale.ROOT) + ":" + date.getYear()).contains(date);
    }

    private static Set<LocalDate> load(String countryAndYear) {
        String[] parts = countryAndYear.split(":");
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(parts[0].toLowerCase(Locale.ROOT)));
        return manager.getHolidays(Year.of(Integer.parseInt(parts[1])), HolidayType.PUBLIC_HOLIDAY).stream()
                // the day off: a holiday falling on a Saturday may be observed on the Friday
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet());
    }
}
