package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class DemoAppealsTest {

    private final List<DemoAppeals.Sample> samples = DemoAppeals.samples();

    @Test
    void givenTheDemoResource_thenItHoldsADozenAppealsInKazakhRussianAndEnglish() {
        Map<String, Long> perLanguage = samples.stream()
                .collect(Collectors.groupingBy(DemoAppeals.Sample::language, Collectors.counting()));

        assertThat(samples).hasSize(12);
        assertThat(perLanguage).containsOnly(Map.entry("kk", 4L), Map.entry("ru", 4L), Map.entry("en", 4L));
    }

    @Test
    void givenTheDemoResource_thenEverySampleExpectsAKnownDepartmentAndFitsIntakesLimits() {
        assertThat(samples).allSatisfy(sample -> {
            assertThat(TopicCatalog.DEPARTMENT_CODES).contains(sample.expectedDepartment());
            assertThat(sample.text().length()).isBetween(10, 10_000);
            boolean anonymous = sample.appeal().path("anonymous").asBoolean(false);
            if (!anonymous) {
                assertThat(sample.appeal().path("consentToDataProcessing").asBoolean(false))
                        .as("consent is required unless anonymous").isTrue();
                assertThat(sample.appeal().path("citizen").path("iin").asString("")).matches("\\d{12}");
            }
        });
        Map<String, Long> perDepartment = samples.stream()
                .collect(Collectors.groupingBy(DemoAppeals.Sample::expectedDepartment, Collectors.counting()));
        assertThat(perDepartment.keySet()).as("the demo shows routing spread over departments").hasSizeGreaterThan(8);
    }
}
