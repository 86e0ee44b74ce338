package kz.hearingstate.intake.status;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A handler argument: the appeal that the path's {@code {secret}}, the citizen's access secret, opens
 * ({@link AppealLookup#bySecret}). The secret is what authenticates the citizen, and Spring resolves a handler's
 * arguments in their order, so an argument declared before the {@code @RequestBody} is looked up first: an unknown
 * secret is 404 whatever the JSON, and no JSON is parsed for it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenedBySecret {

    /** Registered by the service's {@code WebConfig}; the lookup is fetched when first needed (web slices have none). */
    class Resolver implements HandlerMethodArgumentResolver {

        private final ObjectProvider<AppealLookup> lookup;

        public Resolver(ObjectProvider<AppealLookup> lookup) {
            this.lookup = lookup;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(OpenedBySecret.class)
                    && parameter.getParameterType() == AppealStatusView.class;
        }

        @Override
        public AppealStatusView resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                NativeWebRequest request, WebDataBinderFactory binders) {
            Map<?, ?> path = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                    RequestAttributes.SCOPE_REQUEST);
            return lookup.getObject().bySecret(path == null ? null : (String) path.get("secret"));
        }
    }
}
