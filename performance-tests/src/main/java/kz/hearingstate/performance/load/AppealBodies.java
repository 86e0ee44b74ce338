package kz.hearingstate.performance.load;

import java.util.List;

/**
 * Realistic appeal bodies for load: the texts of the complaints a district receives, in Russian and
 * Kazakh, spread over the departments, from citizens who want an e-mail back. The contact data is
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

    private AppealBodies() {
    }

    /** One of the sample texts, chosen by {@code sequence}. JSON-safe as it is (no quotes or backslashes). */
    public static String text(long sequence) {
        return TEXTS.get((int) (sequence % TEXTS.size()));
    }

    /** The JSON body of {@code POST /api/v1/appeals} for the {@code sequence}-th appeal of a run. */
    public static String appealJson(long sequence) {
        String text = text(sequence);
        return """
                {"type":"COMPLAINT","text":"%s","citizen":{"fullName":"Load Citizen %d",\
                "email":"citizen-%d@load.invalid","preferredContact":"EMAIL","language":"ru"},\
                "consentToDataProcessing":true,\
                "location":{"district":"Жамбылский район","settlement":"Узынагаш","lat":43.22,"lon":76.31}}"""
                .formatted(text, sequence, sequence);
    }
}
