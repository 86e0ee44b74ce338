package kz.hearingstate.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.hearingstate.events.Topics;
import kz.hearingstate.intake.IntakeIntegrationTest;
import kz.hearingstate.intake.submission.AppealValidator;
import org.junit.jupiter.api.Test;

/**
 * A portal form as long as the text may be, over real HTTP: Tomcat parses a form itself (the CSRF filter asks for its
 * token first), and drops every parameter of a post over its form limit, so a limit below what the longest text
 * encodes to would refuse the post and lose the citizen's text.
 */
class PortalLongTextIntegrationTest extends IntakeIntegrationTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(_csrf|formId)\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"(_csrf|formId)\"");

    @Test
    void givenTheLongestTextInThreeByteLetters_whenTheFormIsPosted_thenTheAppealIsSentAndItsCodeShown() {
        // 10,000 letters of 3 bytes in UTF-8, 9 bytes each once form-encoded: 90 KB, over a 64 KB form limit.
        String text = "Су жоқ. " + "水".repeat(AppealValidator.TEXT_MAX - 8);
        assertThat(text).hasSize(AppealValidator.TEXT_MAX);
        String address = someCitizenAddress();
        HttpResponse<String> page = get("/portal", "Accept-Language", "en", "X-Forwarded-For", address);
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> hidden = hiddenFields(page.body());
        String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("portal-csrf="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();

        Map<String, String> form = new LinkedHashMap<>(hidden);
        form.put("type", "COMPLAINT");
        form.put("text", text);
        form.put("anonymous", "true");
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        assertThat(body.length()).isGreaterThan(64 * 1024);
        HttpResponse<String> sent = send(HttpRequest.newBuilder(uri("/portal/appeals")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .header("Cookie", csrfCookie)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII)).build());

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("/portal/a/");
        assertThat(records(Topics.APPEALS_SUBMITTED)).anySatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(text));
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                fields.put(matcher.group(1), matcher.group(2));
            } else {
                fields.put(matcher.group(4), matcher.group(3));
            }
        }
        assertThat(fields).containsKeys("_csrf", "formId");
        return fields;
    }
}
