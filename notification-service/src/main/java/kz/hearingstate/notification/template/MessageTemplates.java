package kz.hearingstate.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.hearingstate.events.Language;

/**
 * Loads message templates from the classpath ({@code templates/<name>/<lang>.txt}) and fills in their
 * {@code {{placeholders}}}. The recipient's language comes first, then the others ({@link Language#withFallbacks}).
 */
public class MessageTemplates {

    private static final String SUBJECT_PREFIX = "Subject:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** What a placeholder shows when the event carried no value for it. */
    static final String NO_VALUE = "—";

    private final String root;
    private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();

    public MessageTemplates() {
        this("templates");
    }

    MessageTemplates(String root) {
        this.root = root;
    }

    public RenderedMessage render(MessageTemplate template, Language preferred, Map<String, String> values) {
        for (Language language : (preferred == null ? Language.ru : preferred).withFallbacks()) {
            Optional<Template> found = load(template, language);
            if (found.isPresent()) {
                return new RenderedMessage(language, fill(found.get().subject(), values, template),
                        fill(found.get().body(), values, template));
            }
        }
        throw new IllegalStateException("No file for template " + template.fileName() + " in any language");
    }

    private Optional<Template> load(MessageTemplate template, Language language) {
        String path = root + "/" + template.fileName() + "/" + language.name() + ".txt";
        return cache.computeIfAbsent(path, MessageTemplates::read);
    }

    private static Optional<Template> read(String path) {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int firstLineEnd = text.indexOf('\n');
            String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
            if (!firstLine.startsWith(SUBJECT_PREFIX)) {
                throw new IllegalStateException(path + " must start with a '" + SUBJECT_PREFIX + "' line");
            }
            String body = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).strip();
            return Optional.of(new Template(firstLine.substring(SUBJECT_PREFIX.length()).strip(), body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String text, Map<String, String> values, MessageTemplate template) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
                // A template asking for a value the planner never provides is a bug, not a blank to send.
                throw new IllegalStateException("Template " + template.fileName() + " uses unknown {{" + name + "}}");
            }
            String value = values.get(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? NO_VALUE : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private record Template(String subject, String body) {
    }
}
