package kz.hearingstate.routing.classification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.routing.directory.Department;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppealClassifierTest {

    private static final LogisticRegressionModel MODEL = Directories.model();
    private static final List<Department> DIRECTORY = Directories.zhambyl();
    private final AppealClassifier classifier = new AppealClassifier(MODEL, 0.35, 3.0);

    private RoutingDecision classify(String text, boolean anonymous, String hint, String settlement) {
        return classifier.classify(new AppealClassifier.Input(null, text, anonymous, hint, settlement), DIRECTORY, List.of());
    }

    @Test
    void givenAClearRoadsComplaint_thenItGoesToRoadsWithConfidenceAboveTheThreshold() {
        RoutingDecision decision = classify("На центральной улице огромные ямы, асфальт разбит", false, null, "Узынагаш");
        assertThat(decision.department()).isEqualTo("roads-transport");
        assertThat(decision.triage()).isFalse();
        assertThat(decision.confidence()).isGreaterThanOrEqualTo(0.35);
    }

    @Test
    void givenKazakhInLatinLettersAndAllCaps_thenTheyAreClassifiedLikeCyrillic() {
        assertThat(classify("MEKTEPTE MUGALIM JOQ, SABAQ OTPEI JATYR", false, null, null).classifiedAs()).isEqualTo("education");
        assertThat(classify("Ауылда ауызсу жоқ, құбыр жарылды", false, null, null).classifiedAs()).isEqualTo("housing-utilities");
    }

    @Test
    void givenACorruptionReportAboutTheSchool_thenItGoesToAntiCorruptionNeverToEducation() {
        RoutingDecision decision = classify("Директор школы требует взятку за зачисление", false, "schools", null);
        assertThat(decision.department()).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(decision.confidence()).isEqualTo(1.0);
    }

    @Test
    void givenAnAnonymousAppealWithoutCrime_thenItIsRejectedCitingTheAppk() {
        RoutingDecision decision = classify("Благодарю акима за праздник", true, null, null);
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.department()).isNull();
        assertThat(decision.reason()).contains("APPK: anonymous appeals are not considered");
    }

    @Test
    void givenAnAnonymousReportOfACrime_thenItGoesToPublicOrder() {
        RoutingDecision decision = classify("Из сарая украли двух баранов", true, null, null);
        assertThat(decision.rejected()).isFalse();
        assertThat(decision.department()).isEqualTo(Department.PUBLIC_ORDER);
    }

    @Test
    void givenAnAmbiguousTextAndAHint_thenTheHintTipsTheBalance() {
        String vague = "Прошу разобраться с ситуацией у нас в ауле";
        RoutingDecision withoutHint = classify(vague, false, null, null);
        RoutingDecision withHint = classify(vague, false, "veterinary", null);
        assertThat(withHint.classifiedAs()).isEqualTo("agriculture");
        assertThat(withHint.category()).isEqualTo("veterinary");
        assertThat(withHint.confidence()).isGreaterThan(withoutHint.classifiedAs().equals("agriculture") ? withoutHint.confidence() : 0);
    }

    @Test
    void givenAVagueText_thenConfidenceIsBelowTheThresholdAndTheTriageDeskGetsIt() {
        RoutingDecision decision = classify("помогите пожалуйста", false, null, null);
        assertThat(decision.triage()).isTrue();
        assertThat(decision.department()).isEqualTo(Department.AKIM_OFFICE);
        assertThat(decision.reason()).contains("below");
    }

    @Test
    void givenASettlementOutsideTheDistrict_thenNoDepartmentCoversItAndTheTriageDeskGetsIt() {
        RoutingDecision decision = classify("Яма на дороге возле рынка", false, null, "Каскелен");
        assertThat(decision.triage()).isTrue();
        assertThat(decision.department()).isEqualTo(Department.AKIM_OFFICE);
        assertThat(classify("Яма на дороге возле рынка", false, null, "Uzynagash").department()).isEqualTo("roads-transport");
    }

    @Test
    void givenAnAdminOverrideRule_thenItWinsOverTheModelButNotOverTheCorruptionRule() {
        OverrideRule rule = new OverrideRule("r1", "газопровод", "land-construction", "gas pipeline works", 1, true, "admin", Instant.EPOCH);
        RoutingDecision overridden = classifier.classify(
                new AppealClassifier.Input(null, "Когда закончат строить газопровод?", false, null, null), DIRECTORY, List.of(rule));
        assertThat(overridden.department()).isEqualTo("land-construction");
        assertThat(overridden.reason()).contains("override rule r1");

        RoutingDecision corruption = classifier.classify(
                new AppealClassifier.Input(null, "За подключение к газопроводу требуют взятку", false, null, null), DIRECTORY, List.of(rule));
        assertThat(corruption.department()).isEqualTo(Department.ANTI_CORRUPTION);
    }

    @Test
    void givenADeletedDepartment_thenTheModelNeverRoutesToIt() {
        List<Department> withoutRoads = new ArrayList<>();
        for (Department d : DIRECTORY) {
            withoutRoads.add(d.code().equals("roads-transport") ? new Department(d.code(), 2, d.names(), d.phone(), d.email(),
                    d.address(), d.categories(), d.settlements(), d.internal(), d.confidential(), true, "admin", Instant.EPOCH) : d);
        }
        RoutingDecision decision = classifier.classify(
                new AppealClassifier.Input(null, "Огромные ямы на дороге", false, null, null), withoutRoads, List.of());
        assertThat(decision.department()).isNotEqualTo("roads-transport");
        assertThat(decision.classifiedAs()).isNotEqualTo("roads-transport");
    }
}
