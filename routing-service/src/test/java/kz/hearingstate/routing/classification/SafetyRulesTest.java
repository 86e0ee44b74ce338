package kz.hearingstate.routing.classification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Инспектор потребовал взятку за справку",
            "ВЫМОГАЮТ ДЕНЬГИ ЗА МЕСТО В САДИКЕ",
            "на работу берут по кумовству",
            "подрядчик платит откаты",
            "Жұмысқа орналасу үшін пара сұрады",
            "Балабақша меңгерушісі ақша бопсалайды",
            "zhumyska ornalasu ushin para surady",
            "vzyatku trebuyut v akimate",
            "The clerk wanted a bribe",
            "kickbacks for tenders",
            "nepotism in hiring",
            "they extorted money from us",
            "коррупция в акимате"})
    void givenACorruptionReportInAnyLanguageOrScript_thenTheRuleCatchesIt(String text) {
        assertThat(SafetyRules.reportsCorruption(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Пара дней нет воды в доме",
            "Прошу отремонтировать парапет моста",
            "Парад на 9 мая перекрыл дорогу",
            "Мектепте параллель сыныптар көп",
            "The bus is late every day"})
    void givenAnOrdinaryAppealThatMerelyLooksLikeAStem_thenTheCorruptionRuleDoesNotFire(String text) {
        assertThat(SafetyRules.reportsCorruption(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Сосед угрожает ножом",
            "Маған өлтіремін деп қорқытып жүр",
            "Someone is selling drugs near the school",
            "Ночью ограбили магазин",
            "Qoradan eki qoi urlandy"})
    void givenACrimeOrThreat_thenTheRuleCatchesIt(String text) {
        assertThat(SafetyRules.reportsCrimeOrThreat(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Нет воды третий день", "Жолда шұңқыр көп", "Please fix the street lights"})
    void givenAnOrdinaryComplaint_thenTheCrimeRuleDoesNotFire(String text) {
        assertThat(SafetyRules.reportsCrimeOrThreat(text)).isFalse();
    }
}
