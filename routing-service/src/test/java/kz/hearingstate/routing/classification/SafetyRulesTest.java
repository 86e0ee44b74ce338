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
            "Чтобы ускорить справку, специалист намекнула, что надо отблагодарить лично",
            "The clerk said people usually show gratitude, 15,000 tenge would do",
            "Берут по 3 тысячи с головы, без квитанции",
            "Ақшаны алды, бірақ түбіртек жоқ",
            "The doctor wrote down her card number for the transfer",
            "Дәрігер карта нөмірін жазып берді",
            "Сказали: плати, иначе документы потеряются",
            "He will close my shop unless I pay him every month",
            "The plot went to the akim's nephew",
            "Тендер был заранее решён, победила фирма брата",
            "Дорогу не построили, а акт приёмки подписан"})
    void givenAnIndirectCorruptionReportFromTheIssuesList_thenTheRuleCatchesIt(String text) {
        assertThat(SafetyRules.reportsCorruption(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Пара дней нет воды в доме",
            "Третий месяц ждём комиссию, которая должна подписать акт приёмки дома",
            "Сказали, что документы потеряли, прошу восстановить выплату",
            "Заплатил штраф за пристройку, квитанция есть",
            "The water utility fined me and I paid it, here is the receipt",
            "Прошу отремонтировать парапет моста",
            "Парад на 9 мая перекрыл дорогу",
            "Позвонили из банка, попросили номер карты и код из смс, списали 180 000",
            "Someone from the bank asked for her card number and the money was gone: a fraud",
            "The seller asked for half the price in advance to his card and vanished",
            "Банктен деп хабарласып, карта нөмірін сұрады, алаяқтар ақшаны шешіп алды",
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
