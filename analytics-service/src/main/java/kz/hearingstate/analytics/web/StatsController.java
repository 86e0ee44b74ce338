package kz.hearingstate.analytics.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.figures.DepartmentFigures;
import jakarta.servlet.http.HttpServletRequest;
import kz.hearingstate.analytics.figures.Dimensions;
import kz.hearingstate.analytics.figures.FiguresBusyException;
import kz.hearingstate.analytics.figures.Interval;
import kz.hearingstate.analytics.figures.Metric;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.figures.StatsService.Period;
import kz.hearingstate.analytics.figures.Summary;
import kz.hearingstate.analytics.figures.TimeSeries;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public figures. No personal data can come out of here: the facts hold none. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::wireName).collect(Collectors.joining(", "));
    private static final String INTERVALS = Arrays.stream(Interval.values()).map(Interval::wireName).collect(Collectors.joining(", "));

    private final StatsService stats;
    private final DepartmentDirectory directory;
    private final Clock clock;
    private final ProblemResponses problems;

    StatsController(StatsService stats, DepartmentDirectory directory, Clock clock, ProblemResponses problems) {
        this.clock = clock;
        this.stats = stats;
        this.directory = directory;
        this.problems = problems;
    }

    /** Every place to compute figures taken for the whole wait ({@code StatsService}): 503, come back after Retry-After. */
    @ExceptionHandler(FiguresBusyException.class)
    ResponseEntity<ProblemDetail> busy(FiguresBusyException e, HttpServletRequest request) {
        return problems.of(ApiException.retryLater(ProblemType.OVERLOADED, e.retryAfter()), request);
    }

    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        QueryParameters query = new QueryParameters(stats.zone());
        Period period = query.period(from, to);
        query.requireValid();
        return stats.summary(period);
    }

    @GetMapping("/departments")
    List<DepartmentFigures> departments(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        QueryParameters query = new QueryParameters(stats.zone());
        Period period = query.period(from, to);
        query.requireValid();
        return stats.departments(period);
    }

    @GetMapping("/timeseries")
    TimeSeries timeSeries(@RequestParam(required = false) String metric, @RequestParam(required = false) String interval,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String department, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String settlement,
            @RequestParam(required = false) String language) {
        QueryParameters query = new QueryParameters(stats.zone());
        Metric parsedMetric = query.choice("metric", metric, Metric::fromWireName, METRICS);
        Interval parsedInterval = query.choice("interval", interval, Interval::fromWireName, INTERVALS);
        Period period = query.seriesPeriod(query.period(from, to), parsedInterval, clock.instant());
        Dimensions filters = new Dimensions(query.department(department), query.dimension("category", category),
                query.dimension("channel", channel), query.dimension("settlement", settlement),
                query.dimension("language", language));
        if (filters.department() != null && filters.splitsBeyondDepartment()
                && directory.confidentialCodes().contains(filters.department())) {
            query.problem("department", "confidential-not-split"); // see StatsService#confidentialDepartments
        }
        query.requireValid();
        return stats.timeSeries(parsedMetric, parsedInterval, period, filters);
    }
}
