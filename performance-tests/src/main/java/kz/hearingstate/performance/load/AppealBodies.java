package kz.hearingstate.performance.load;

import java.util.List;

/**
 * Realistic appeal bodies for load: the texts of the complaints a district receives, in Russian and
 * Kazakh, spread over the departments, each under its portal topic and sent from each of the district's
 * settlements in turn, from citizens who want an e-mail back. The contact data is
 * synthetic (an {@code .invalid} domain, reserved by RFC 2606) and never leaves the machine.
 */
public final class AppealBodies {

    private static final List<String> TEXTS = List.of(
            "Третий день нет холодной воды в доме по улице Абая, 12 в Узынагаше. Просим восстановить подачу.",
            "В школе номер 3 не работает отопление, дети сидят на уроках в куртках. Просим принять меры.",
            "На дороге Узынагаш - Каскелен большие ямы после дождей, машины ломаются каждый день.",
            "Прошу рассмотреть вопрос о выделении земельного участка под строительство жилого дома.",
            "Ауылда жарық жоқ, үш күннен бері электр қуаты берілмейді. Көмектесуіңізді сұраймыз.",
            "В поликлинике села Каргалы нет терапевта уже месяц, очереди к фельдшеру огромные.",
            "Бродячие собаки нападают на детей возле остановки на улице Жамбыла, просим отловить.",
            "Мектеп жанындағы жолда бағдаршам істемейді, балалар жолдан өтуге қорқады.",
            "Прошу назначить адресную социальную помощь, семья осталась без кормильца.",
            "Сосед незаконно занял часть общего двора и построил гараж, прошу проверить.");

    /**
     * The topic a citizen picks for each text on the portal (intake's categories.yml), one each: with a topic and a
     * settlement, routing files the appeal under a category and analytics checks its place for a surge, as it does for
     * the district's portal appeals. Without topics, the benchmark never ran that check.
     */
    private static final List<String> TOPICS = List.of("water-supply", "schools", "roads", "land", "electricity",
            "healthcare", "stray-animals", "roads", "social-benefits", "construction");

    /**
     * The district's settlements (routing's directory), each text sent from each of them in turn, so the load's places
     * (topic and settlement) are many, as in the district, not ten.
     */
    private static final List<String> SETTLEMENTS = List.of("Узынагаш", "Каракастек", "Самсы", "Маятас", "Аксенгир",
            "Шиен", "Улгили", "Копа", "Дегерес", "Сарытауке", "Мынбаев", "Бозой", "Карасу", "Таран", "Жамбыл", "Кайназар",
            "Суыксай");

    private AppealBodies() {
    }

    /** The portal topic of {@link #text}'s appeal. */
    public static String topic(long sequence) {
        return TOPICS.get((int) (sequence % TOPICS.size()));
    }

    /** The settlement the {@code sequence}-th appeal comes from. */
    public static String settlement(long sequence) {
        return SETTLEMENTS.get((int) (sequence / TEXTS.size() % SETTLEMENTS.size()));
    }

    /** One of the sample texts, chosen by {@code sequence}. JSON-safe as it is (no quotes or backslashes). */
    public static String text(long sequence) {
        return TEXTS.get((int) (sequence % TEXTS.size()));
    }

    /** The JSON body of {@code POST /api/v1/appeals} for the {@code sequence}-th appeal of a run. */
    public static String appealJson(long sequence) {
        String text = text(sequence);
        return """
                {"type":"COMPLAINT","text":"%s","categoryHint":"%s","citizen":{"fullName":"Load Citizen %d",\
                "email":"citizen-%d@load.invalid","preferredContact":"EMAIL","language":"ru"},\
                "consentToDataProcessing":true,\
                "location":{"district":"Жамбылский район","settlement":"%s","lat":43.22,"lon":76.31}}"""
                .formatted(text, topic(sequence), sequence, sequence, settlement(sequence));
    }
}
