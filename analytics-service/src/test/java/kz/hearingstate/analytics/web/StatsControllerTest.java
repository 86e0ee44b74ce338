package kz.hearingstate.analytics.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.figures.Dimensions;
import kz.hearingstate.analytics.figures.Interval;
import kz.hearingstate.analytics.figures.Metric;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.figures.TimeSeries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Bad query parameters get RFC 9457 problem+json 400 naming every wrong field; good ones reach the service. */
@WebMvcTest(StatsController.class)
@Import({PublicAccess.class, StatsControllerTest.FixedClock.class})
class StatsControllerTest {

    static final Instant NOW = Instant.parse("2026-03-20T06:00:00Z"); // 11:00 in Almaty

    @org.springframework.boot.test.context.TestConfiguration
    static class FixedClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StatsService stats;
    @MockitoBean
    DepartmentDirectory directory;

    @BeforeEach
    void zone() {
        when(stats.zone()).thenReturn(ZoneId.of("Asia/Almaty"));
    }

    @Test
    void givenAnUnknownMetricAndInterval_whenATimeSeriesIsAsked_thenProblem400NamesBoth() throws Exception {
        mvc.perform(get("/api/v1/stats/timeseries?metric=happiness&interval=hour"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hearingstate.kz/problems/validation-failed"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("metric"))
                .andExpect(jsonPath("$.errors[0].message", containsString("received, routed, answered, forwarded, rejected")))
                .andExpect(jsonPath("$.errors[1].field").value("interval"));
    }

    @Test
    void givenEveryPlaceToComputeFiguresTaken_whenFiguresAreAsked_then503ProblemWithRetryAfter() throws Exception {
        when(stats.summary(any())).thenThrow(new kz.hearingstate.analytics.figures.FiguresBusyException(java.time.Duration.ofSeconds(5)));

        mvc.perform(get("/api/v1/stats/summary"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hearingstate.kz/problems/overloaded"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Retry-After", "5"));
    }

    @Test
    void givenNoMetric_whenATimeSeriesIsAsked_thenProblem400SaysItIsRequired() throws Exception {
        mvc.perform(get("/api/v1/stats/timeseries?interval=day"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("metric"))
                .andExpect(jsonPath("$.errors[0].message", containsString("required")));
    }

    @Test
    void givenAFilterWithMarkup_whenATimeSeriesIsAsked_thenProblem400() throws Exception {
        mvc.perform(get("/api/v1/stats/timeseries").param("metric", "received").param("interval", "day")
                        .param("settlement", "<script>").param("category", "water"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("settlement"));
    }

    @Test
    void givenAnUnparseableDateAndABadDepartment_whenAsked_thenProblem400() throws Exception {
        mvc.perform(get("/api/v1/stats/timeseries?metric=received&interval=day&from=last-week&department=Roads!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("department"));
    }

    @Test
    void givenFromAfterTo_whenTheSummaryIsAsked_thenProblem400() throws Exception {
        mvc.perform(get("/api/v1/stats/summary?from=2026-03-10&to=2026-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/stats/departments?from=2026-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        // Years Java parses, but no day's arithmetic or MongoDB date holds: 400, not 500.
        for (String farOut : new String[] {"to=%2B999999999-12-31T12:00:00Z", "from=%2B300000000-01-01T00:00:00Z",
                "from=-999999999-01-01T00:00:00Z", "to=%2B10000-01-01"}) {
            mvc.perform(get("/api/v1/stats/summary?" + farOut))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601")));
        }
    }

    @Test
    void givenGoodParameters_whenATimeSeriesIsAsked_thenTheServiceAnswers() throws Exception {
        when(stats.timeSeries(any(Metric.class), any(Interval.class), any(), any()))
                .thenReturn(new TimeSeries("answered", "week", "Asia/Almaty", Map.of("department", "roads"), List.of()));
        mvc.perform(get("/api/v1/stats/timeseries?metric=answered&interval=week&department=roads&from=2026-03-01&to=2026-04-01T00:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metric").value("answered"));
        // A date is the start of that day in Almaty (UTC+5); an instant within a day ends the period at that day's end.
        verify(stats).timeSeries(Metric.ANSWERED, Interval.WEEK, new StatsService.Period(
                Instant.parse("2026-02-28T19:00:00Z"), Instant.parse("2026-04-01T19:00:00Z")),
                new Dimensions("roads", null, null, null, null));
    }

    @Test
    void givenATimeSeries_whenItsPeriodIsLongerThanItsIntervalAllows_thenProblem400_andWithoutFromItIsThatLongUpToToday()
            throws Exception {
        when(stats.timeSeries(any(Metric.class), any(Interval.class), any(), any()))
                .thenReturn(new TimeSeries("received", "day", "Asia/Almaty", Map.of(), List.of()));
        // A day series of all time would read every appeal ever stored, for anyone, as often as asked.
        mvc.perform(get("/api/v1/stats/timeseries?metric=received&interval=day&from=2020-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message", containsString("400 days")));

        mvc.perform(get("/api/v1/stats/timeseries?metric=received&interval=day&category=water"))
                .andExpect(status().isOk());
        // Up to the end of today in Almaty (21 March 00:00 there), 400 days back.
        verify(stats).timeSeries(Metric.RECEIVED, Interval.DAY, new StatsService.Period(
                Instant.parse("2025-02-13T19:00:00Z"), Instant.parse("2026-03-20T19:00:00Z")),
                new Dimensions(null, "water", null, null, null));
    }

    @Test
    void givenAWindowOfTwoMinutes_whenFiguresAreAsked_thenThePeriodIsTheWholeDay() throws Exception {
        when(stats.timeSeries(any(Metric.class), any(Interval.class), any(), any()))
                .thenReturn(new TimeSeries("received", "day", "Asia/Almaty", Map.of(), List.of()));
        mvc.perform(get("/api/v1/stats/timeseries?metric=received&interval=day&from=2026-03-05T10:14:00Z&to=2026-03-05T10:16:00Z"))
                .andExpect(status().isOk());
        // 15:14 to 15:16 in Almaty: the whole of 5 March there, so no narrowing finds the minute an appeal came.
        verify(stats).timeSeries(Metric.RECEIVED, Interval.DAY, new StatsService.Period(
                Instant.parse("2026-03-04T19:00:00Z"), Instant.parse("2026-03-05T19:00:00Z")), Dimensions.ANY);
    }

    @Test
    void givenAConfidentialDepartment_whenItsTimeSeriesIsSplitBySettlement_thenProblem400AndTheServiceIsNotAsked() throws Exception {
        when(directory.confidentialCodes()).thenReturn(java.util.Set.of("anti-corruption"));
        mvc.perform(get("/api/v1/stats/timeseries?metric=received&interval=day&department=anti-corruption&settlement=uzynagash"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"))
                .andExpect(jsonPath("$.errors[0].message", containsString("confidential")));
        verify(stats, org.mockito.Mockito.never()).timeSeries(any(), any(), any(), any());
    }
}
