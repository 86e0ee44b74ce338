package kz.hearingstate.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates the API key of a request in the API chain, before any controller reads the body. No key: the
 * request goes on anonymous, and the chain's rules decide (401 where a key is required). A key that matches no
 * one: {@code BadCredentialsException}, which the chain's entry point answers with 401 problem+json; a wrong
 * key is never treated as no key. Sits after {@code ExceptionTranslationFilter}, so that entry point answers.
 * Not a bean: Boot would otherwise register it for every request outside the chain too.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final String header;
    private final String formParameter;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyAuthenticationFilter(ApiKeys keys, ApiSecurityProperties properties) {
        this.keys = keys;
        this.header = properties.header();
        this.formParameter = properties.formParameter();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (key != null) {
            Authentication authenticated = keys.authenticate(ApiKeyAuthentication.unauthenticated(key));
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authenticated);
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(header);
        if (key == null && !formParameter.isEmpty()) {
            // A form post's parameters are parsed by the container within its form size limit (Open311 clients send
            // api_key there), the query string's included. Any other body is not read here: a multipart one the
            // container would parse (and spool to disk, up to the upload limits) before the caller is known.
            key = isUrlEncodedForm(request) ? request.getParameter(formParameter) : fromQueryString(request);
        }
        return key;
    }

    private String fromQueryString(HttpServletRequest request) {
        String value = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
                .getQueryParams().getFirst(formParameter);
        try {
            return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null; // "%zz": no key, so a 401 where one is needed, never a 500
        }
    }

    private static boolean isUrlEncodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
