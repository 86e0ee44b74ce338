package kz.hearingstate.routing.classification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.routing.directory.Department;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AppealClassifierTest {

    private static final LogisticRegressionModel MODEL = Directories.model();
    private static final List<Department> DIRECTORY = Directories.zhambyl();
    /** Only numbers the training data never saw: the model falls back on its priors, far below any threshold. */
    private static final String NOTHING_KNOWN = "№ 4521-8890-1173 / 90210";
    private final AppealClassifier classifier = Directories.shippedClassifier();

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
    void givenACitizenWhoChoseTheCorruptionTopic_whenItsWordsNameNoBribe_thenAntiCorruptionTriagesItNeverTheModelsDepartment() {
        String words = "На центральной улице огромные ямы, асфальт разбит, а деньги на ремонт куда-то ушли";
        OverrideRule toRoads = new OverrideRule("r1", "асфальт", "roads-transport", "asphalt to roads", 1, true, "admin", Instant.EPOCH);

        for (String topic : List.of("corruption", " Bribery ")) {
            for (boolean anonymous : List.of(false, true)) {
                RoutingDecision decision = classifier.classify(new AppealClassifier.Input(null, words, anonymous, topic, null),
                        DIRECTORY, List.of(toRoads));
                assertThat(decision.department()).as(topic + ", anonymous " + anonymous).isEqualTo(Department.ANTI_CORRUPTION);
                assertThat(decision.triage()).as("a confidential triage: its officer forwards it if it is no report").isTrue();
                assertThat(decision.rejected()).isFalse();
                assertThat(decision.category()).as("no confidential topic to carry on a forward").isNull();
                assertThat(decision.reason().code()).isEqualTo(kz.hearingstate.routing.Reason.Code.CONFIDENTIAL_TOPIC);
                assertThat(decision.classifiedAs()).as("the model's guess, for forwarding").isEqualTo("roads-transport");
            }
        }
        assertThat(classify(words, false, "roads", null).department()).as("the control: another topic")
                .isEqualTo("roads-transport");
    }

    @Test
    void givenTheCitizensWordsAfterRouting_thenTheDetectorTellsAPossibleReportFromAnOrdinaryReply() {
        assertThat(classifier.mayReportCorruption("The clerk said it goes faster if I send 20,000 to his personal card")).isTrue();
        assertThat(classifier.mayReportCorruption("Прораб требует наличные, иначе бригада не приедет")).isTrue();
        assertThat(classifier.mayReportCorruption("Квартира 4, третий этаж. Вода так и не появилась")).isFalse();
        assertThat(classifier.mayReportCorruption("Yes, the pothole is still there after the rain")).isFalse();
        assertThat(classifier.mayReportCorruption(null)).isFalse();
    }

    @Test
    void givenAnAnonymousAppealWithoutCrime_thenItIsRejectedCitingTheAppk() {
        RoutingDecision decision = classify("Благодарю акима за праздник", true, null, null);
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.department()).isNull();
        assertThat(decision.reason().text()).contains("APPK: anonymous appeals are not considered");
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
    void givenATextWithNothingTheModelKnows_thenConfidenceIsBelowTheThresholdAndTheTriageDeskGetsIt() {
        RoutingDecision decision = classify(NOTHING_KNOWN, false, null, null);
        assertThat(decision.triage()).isTrue();
        assertThat(decision.department()).isEqualTo(Department.AKIM_OFFICE);
        assertThat(decision.reason().text()).contains("below");
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
        assertThat(overridden.reason().text()).contains("override rule r1");

        RoutingDecision corruption = classifier.classify(
                new AppealClassifier.Input(null, "За подключение к газопроводу требуют взятку", false, null, null), DIRECTORY, List.of(rule));
        assertThat(corruption.department()).isEqualTo(Department.ANTI_CORRUPTION);
    }

    @Test
    void givenAnOverrideRuleThatABacktrackingEngineTakesHoursOn_whenAnAppealPasses_thenItIsRoutedAtOnce() {
        // (.*x){12}y against 40 x's without a y: java.util.regex tries every way to split them in twelve (21 s for 32
        // x's on the machine this was written on, and growing as n^12); RE2 reads the text once.
        OverrideRule catastrophic = new OverrideRule("r1", "(.*x){12}y", "health", null, 1, true, "admin", Instant.EPOCH);
        String text = "Когда закончат строить газопровод? " + "x".repeat(40);

        RoutingDecision decision = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> classifier.classify(new AppealClassifier.Input(null, text, false, null, null), DIRECTORY, List.of(catastrophic)));

        assertThat(decision.reason().text()).doesNotContain("override rule");
    }

    @Test
    void givenAnOverrideRuleInCapitals_thenItMatchesTheTextInAnyCaseOfItsAlphabet() {
        OverrideRule rule = new OverrideRule("r1", "ГАЗОПРОВОД|ЖОЛ", "land-construction", null, 1, true, "admin", Instant.EPOCH);

        for (String text : List.of("Когда закончат строить газопровод?", "Біздің ауылдағы жол бұзылған")) {
            RoutingDecision decision = classifier.classify(new AppealClassifier.Input(null, text, false, null, null), DIRECTORY, List.of(rule));
            assertThat(decision.reason().text()).as(text).isEqualTo("override rule r1");
        }
    }

    @Test
    void givenAStoredRuleThatIsNoRe2Pattern_thenItMatchesNothingAndRoutingGoesOn() {
        // Saved before the rules were RE2's: a look-ahead, which the admin API now refuses.
        OverrideRule lookAhead = new OverrideRule("r1", "газопровод(?=у)", "land-construction", null, 1, true, "admin", Instant.EPOCH);

        RoutingDecision decision = classifier.classify(
                new AppealClassifier.Input(null, "Когда закончат строить газопроводу?", false, null, null), DIRECTORY, List.of(lookAhead));

        assertThat(decision.reason().text()).doesNotContain("override rule");
        assertThatThrownBy(() -> OverrideRule.compile(lookAhead.pattern())).isInstanceOf(com.google.re2j.PatternSyntaxException.class);
    }

    @Test
    void givenJavasUnicodeFlag_whenARuleIsSaved_thenItIsRefused_butAStoredOneStillMatchesAsRe2ReadsIt() {
        for (String pattern : List.of("(?U)\\bвзятк", "(?iU)пара", "(?U:пара)", "\\\\(?U)пара")) {
            assertThatThrownBy(() -> OverrideRule.compileNew(pattern)).as(pattern)
                    .isInstanceOf(com.google.re2j.PatternSyntaxException.class).hasMessageContaining("ungreedy");
        }
        // An escaped "(" before a U is no flag.
        assertThat(OverrideRule.compileNew("\\(?Uzynagash").matcher("(uzynagash").find()).isTrue();
        // Saved before: "ungreedy" changes what a match spans, not whether there is one.
        OverrideRule stored = new OverrideRule("r1", "(?iU)пара", "health", null, 1, true, "admin", Instant.EPOCH);
        assertThat(stored.matchable()).isTrue();
        assertThat(classifier.classify(new AppealClassifier.Input(null, "Когда закончат строить газопровод? Пара вопросов", false,
                null, null), DIRECTORY, List.of(stored)).reason().text()).isEqualTo("override rule r1");
    }

    @Test
    void givenAWordBoundaryBesideALetterOutsideAscii_thenItIsFound_andOnlyThere() {
        // For RE2 "в" is no word character (nor for Java's \b since JDK 19): "\\bвзятк" compiles and never matches "взятку".
        assertThat(OverrideRule.compile("\\bвзятк").matcher("просили взятку").find()).isFalse();
        for (String pattern : List.of("\\bвзятк", "взятк\\b", "\\Bқор", "\\b(взятк|пара)", "(?:пара|взятк)\\b", "\\b[вВ]зятк",
                "\\b\\p{Cyrillic}+", "\\\\\\bпара", "взятк\\pL*\\b", "\\p{Cyrillic}+\\b", "пар{1,2}\\b", "взятк\\w*\\b",
                "\\b\\Qвзятк\\E", "\\Qвзятк\\E\\b", "\\b(?i)взятк", "\\b(?i:взятк)", "\\b(?P<word>взятк)",
                // beside one of a group's alternatives
                "\\b(bribe|взятк)", "\\b(?:bribe|(?i)взятк)", "(пара|bribe)\\b", "(?:пара|[a-z]+)+\\b", "\\b((a|b)|взятк)", "((взятк|a))\\b",
                "\\b(?:[|(]|взятк)", "\\b(?:\\Q(|\\E|взятк)",
                // the boundary is itself an alternative's edge; an empty alternative; a group that may be skipped
                "(?:^|\\b)взятк", "(^|\\b)взятк", "взятк(?:\\b|$)", "взятк(\\b|а|у)", "(?:\\b|за)взятк",
                "(?:x|\\b)?взятк", "(?:(?:^|\\b))взятк", "\\b(bribe|)взятк", "взятк(|bribe)\\b", "\\b()взятк",
                "\\b(?:)взятк", "\\b(?:bribe)?взятк", "\\b(?:bribe){0,2}взятк", "взятк(?:bribe)*\\b",
                // \w after a group, (?<name>…), flags before a group
                "(?:пара|bribe)\\w*\\b", "\\b(?<w>взятк)", "\\b(?<w>(?:bribe|взятк))", "\\b(?i)(bribe|взятк)",
                // past an atom that may match nothing; any member of a class; flags before the boundary
                "\\b«?взятк", "\\bx?взятк", "\\b\\s*взятк", "взятк\\s*\\b", "\\b\\w*взятк", "\\b[a-zа-я]+", "\\b[0-9а-я]",
                "[а-яa-z]+\\b", "взятк(?i)\\b")) {
            assertThat(OverrideRule.asciiBoundaryBesideNonAscii(pattern)).as(pattern).isTrue();
        }
        // Beside ASCII, or no boundary at all, or an escaped backslash or quoted text before a b: as Java meant it.
        for (String pattern : List.of("\\bbribe\\b|взятк", "газопровод\\w*", "(?:^| )взятк\\pL*", "\\\\bвзятк",
                "\\Q\\bвзятк\\E", "\\bsaqşy", "взятк", "\\d+ тенге", "bribe\\w*\\b", "\\b[^а-я]", "\\b:взятк", "\\b\\x41",
                "\\b\\PL", "\\b«",
                // alternatives at the top level, or of a group not beside the boundary, or ASCII ones
                "\\b(bribe|kickback)|(пара|взятк)", "\\bbribe(s|взятк)", "(пара|взятк) \\b", "\\b(?:[|]взятк|bribe)",
                "\\b(bribe|\\(взятк)", "(?:^|\\b)bribe", "bribe(?:\\b|$) взятк", "\\b(?:bribe)+взятк", "(?:x|\\b)bribe",
                // odd input: no exception, nothing refused
                "\\b", "\\B", "\\", "(", ")", "()", "(|)", "\\b(", "(\\b", "\\b(?P<", "[\\b", "\\Q\\b",
                // the neighbour is \w, or a negated class, or an escaped "?": ASCII
                "взятк\\w\\b", "взятк\\w+\\b", "[^а-я]\\b", "(?:[^а-я]|x)\\b", "взятк\\?\\b", "\\b\\x{0041}взятк", "взятк\\x{0041}\\b",
                // an ASCII word on the boundary's other side: it still ends or starts that word, whatever follows
                "\\bsms\\b\\s*код", "\\b(?:kaspi|halyk)\\b\\s*(?:банк|перевод)", "(?i)\\bwhatsapp\\b\\s*номер", "\\bsms\\b.*код",
                "\\bbribe\\b.{0,30}взятк", "(?i)(?:\\begov\\b|егов).*ошибка", "\\b\\d+\\b\\s*тенге", "\\b\\d{6}\\b\\s*индекс",
                "взятк(?:\\bbribe|x)", "(?:bribe\\b|x)взятк", "\\bsms?\\bкод", "код\\b(?:sms)?x")) {
            assertThat(OverrideRule.asciiBoundaryBesideNonAscii(pattern)).as(pattern).isFalse();
        }
        assertThat(OverrideRule.compileNew("(?:^| )взятк\\pL*").matcher("просили взятку").find()).isTrue();
        // Each empty alternative doubled the search once: 70 of them, within the 500 characters a rule may have, must not hang.
        String nested = "\\b" + "(?:a||)".repeat(70) + "x";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertThat(OverrideRule.asciiBoundaryBesideNonAscii(nested)).isFalse());
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThat(OverrideRule.asciiBoundaryBesideNonAscii("x" + "(?:a|)?".repeat(70) + "\\b")).isFalse());
    }

    @Test
    void givenADeletedDepartment_thenTheModelNeverRoutesToIt() {
        List<Department> withoutRoads = new ArrayList<>();
        for (Department d : DIRECTORY) {
            withoutRoads.add(d.code().equals("roads-transport") ? new Department(d.code(), 2, d.names(), d.phone(), d.email(),
                    d.address(), d.addresses(), d.categories(), d.settlements(), d.internal(), d.confidential(), true, "admin", Instant.EPOCH) : d);
        }
        RoutingDecision decision = classifier.classify(
                new AppealClassifier.Input(null, "Огромные ямы на дороге", false, null, null), withoutRoads, List.of());
        assertThat(decision.department()).isNotEqualTo("roads-transport");
        assertThat(decision.classifiedAs()).isNotEqualTo("roads-transport");
    }

    // The order of the decisions, with two tiny models trained here, so the test does not depend on the shipped data.

    private static LabelledAppeal labelled(String text, String department) {
        return new LabelledAppeal(text, "ru", "plain", text, department);
    }

    /**
     * Every feature counts (in six appeals nearly every feature is seen once), and a larger step than the default's,
     * so that models of four to six short appeals become as sure of themselves as the shipped ones are.
     */
    private static final LogisticRegressionModel.Training TINY_TRAINING = new LogisticRegressionModel.Training(30, 2.0, 0.9, 1e-5, 1L, 1);

    private static final List<LabelledAppeal> TINY = List.of(
            labelled("врач в поликлинике справка", "health"), labelled("больница врач очередь", "health"),
            labelled("яма на дороге асфальт", "roads-transport"), labelled("автобус дорога остановка", "roads-transport"),
            labelled("врач берёт наличные за справку", "anti-corruption"), labelled("дал конверт чтобы ускорить", "anti-corruption"));

    @Test
    void givenTheDetectorSeesCorruption_thenAntiCorruptionWinsEvenWhenTheDepartmentModelIsConfident() {
        LogisticRegressionModel departments = LogisticRegressionModel.train(
                TINY.stream().filter(a -> !a.department().equals(Department.ANTI_CORRUPTION)).toList(),
                TINY_TRAINING);
        String report = "врач требует наличные за справку";
        assertThat(departments.predict(report).get("health")).as("the department model alone").isGreaterThan(0.8);

        // This department model knows no anti-corruption class, so the detector's score is half its own model's.
        CorruptionDetector detector = new CorruptionDetector(CorruptionDetector.train(TINY, TINY_TRAINING), 0.3);
        assertThat(detector.probability(report, departments.predict(report))).isGreaterThan(0.3);
        RoutingDecision decision = new AppealClassifier(detector, departments, 0.35, 3.0)
                .classify(new AppealClassifier.Input(null, report, false, "hospitals", null), DIRECTORY, List.of());
        assertThat(decision.department()).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(decision.reason().text()).startsWith("corruption detector");
        assertThat(decision.topDepartments()).as("nothing of the accused's department on the record").isEmpty();
    }

    @Test
    void givenTheDetectorBelowItsThreshold_thenTheDepartmentModelChoosesAmongTheOtherDepartmentsOnly() {
        LogisticRegressionModel departments = LogisticRegressionModel.train(TINY, TINY_TRAINING);
        LogisticRegressionModel own = CorruptionDetector.train(TINY, TINY_TRAINING);
        String text = "дал конверт";
        // The detector's score is the mean of its own model and the department model's anti-corruption probability.
        double expected = (own.predict(text).get(CorruptionDetector.CORRUPTION) + departments.predict(text).get(Department.ANTI_CORRUPTION)) / 2;
        CorruptionDetector strict = new CorruptionDetector(own, 0.999);
        assertThat(strict.probability(text, departments.predict(text))).isEqualTo(expected);

        RoutingDecision decision = new AppealClassifier(strict, departments, 0.0, 3.0)
                .classify(new AppealClassifier.Input(null, text, false, null, null), DIRECTORY, List.of());
        assertThat(decision.department()).isNotEqualTo(Department.ANTI_CORRUPTION);
        assertThat(decision.topDepartments()).extracting(RoutingDecision.Candidate::department).doesNotContain(Department.ANTI_CORRUPTION);
    }

    @Test
    void givenTheDetectorInItsReviewBand_thenAntiCorruptionTriagesItConfidentiallyAndNoRuleHandsItToTheAccused() {
        LogisticRegressionModel departments = LogisticRegressionModel.train(
                TINY.stream().filter(a -> !a.department().equals(Department.ANTI_CORRUPTION)).toList(), TINY_TRAINING);
        String report = "врач требует наличные за справку";
        // Below the threshold (0.999) but at or above the review threshold (0): the review band.
        CorruptionDetector detector = new CorruptionDetector(CorruptionDetector.train(TINY, TINY_TRAINING), 0.999, 0.0);
        OverrideRule toHealth = new OverrideRule("r1", "врач", "health", "doctors to health", 1, true, "admin", Instant.EPOCH);

        RoutingDecision decision = new AppealClassifier(detector, departments, 0.35, 3.0)
                .classify(new AppealClassifier.Input(null, report, false, "hospitals", null), DIRECTORY, List.of(toHealth));

        assertThat(decision.department()).as("the confidential department, not the triage desk nor health").isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(decision.triage()).isTrue();
        assertThat(decision.reason().text()).startsWith("confidential triage: corruption detector");
        assertThat(decision.classifiedAs()).as("the department model's guess, for forwarding").isEqualTo("health");
        assertThat(decision.topDepartments()).extracting(RoutingDecision.Candidate::department).startsWith("health");
    }

    @Test
    void givenAReviewThresholdNotBelowTheThreshold_thenThereIsNoReviewBand() {
        LogisticRegressionModel departments = LogisticRegressionModel.train(TINY, TINY_TRAINING);
        CorruptionDetector noBand = new CorruptionDetector(CorruptionDetector.train(TINY, TINY_TRAINING), 0.999, 0.999);

        CorruptionDetector.Finding finding = noBand.assess("яма на дороге", departments.predict("яма на дороге"));

        assertThat(finding.corruption()).isFalse();
        assertThat(finding.review()).isFalse();
    }

    @Test
    void givenALowConfidence_thenTheTriageDeskGetsTheThreeLikeliestDepartmentsBestFirst() {
        RoutingDecision decision = classify(NOTHING_KNOWN, false, null, null);
        assertThat(decision.triage()).isTrue();
        assertThat(decision.topDepartments()).hasSize(3);
        assertThat(decision.topDepartments().getFirst().department()).isEqualTo(decision.classifiedAs());
        assertThat(decision.topDepartments().getFirst().probability()).isEqualTo(decision.confidence());
        assertThat(decision.topDepartments()).extracting(RoutingDecision.Candidate::probability)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(decision.topDepartments().stream().mapToDouble(RoutingDecision.Candidate::probability).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
    }
}
