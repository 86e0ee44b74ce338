package kz.hearingstate.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The shared kit's settings of Spring's own web edge, below every other property source, so that a service or a
 * deployment may still set them otherwise. Each closes a way to make a service read a body nobody asked for:
 * <ul>
 *   <li>Spring's form-content filter is off. It reads a whole form body of a PUT, PATCH or DELETE into memory,
 *       without a limit, and it runs before the security filters, so before the caller is known. No endpoint takes
 *       a form body on those methods.</li>
 *   <li>A multipart body is held to {@code hearing.web.max-body-size}, as a JSON one is ({@link RequestBodyGuard}),
 *       and in memory: Boot's defaults would take 10 MB and spool it to files. Larger is 413.</li>
 *   <li>A form post is held to three times it ({@link RequestBodyGuard#FORM_ENCODING_GROWTH}) by Tomcat itself, which
 *       parses a form when the first parameter is asked for: the CSRF filter and the API-key filter ask before
 *       anyone is authenticated, and Tomcat's default allows 2 MB.</li>
 * </ul>
 */
public class WebDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "hearingWebDefaults";
    private static final String BODY_LIMIT = "${hearing.web.max-body-size:64KB}";

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.mvc.formcontent.filter.enabled", "false",
            "spring.servlet.multipart.max-request-size", BODY_LIMIT,
            "spring.servlet.multipart.max-file-size", BODY_LIMIT,
            "spring.servlet.multipart.file-size-threshold", BODY_LIMIT);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(DEFAULTS);
        long bodyLimit = Binder.get(environment).bindOrCreate("hearing.web", WebProperties.class).maxBodySize().toBytes();
        defaults.put("server.tomcat.max-http-form-post-size", RequestBodyGuard.FORM_ENCODING_GROWTH * bodyLimit + "B");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
