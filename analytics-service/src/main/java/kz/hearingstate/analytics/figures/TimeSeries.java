package kz.hearingstate.analytics.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/stats/timeseries}: how many appeals reached {@code metric} in each period. Periods
 * are calendar days, ISO weeks (from Monday) or months in the configured zone, named by their first day;
 * periods without any are listed with 0 between the first and the last one that has some. {@code filters}
 * are the dimensions asked for (department, category, channel, settlement, language).
 */
public record TimeSeries(String metric, String interval, String zone, Map<String, String> filters, List<Point> points) {

    public record Point(LocalDate period, int count) {
    }
}
