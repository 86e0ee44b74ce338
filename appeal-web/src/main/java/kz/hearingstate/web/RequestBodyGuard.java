package kz.hearingstate.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemResponses;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a JSON body once, after authentication (it is ordered after the security filters) and before anything
 * parses it: larger than {@code hearing.web.max-body-size} is 413 (by Content-Length, or while reading a chunked
 * body, so nothing large is ever buffered), no body is 400 {@code empty-body}, bytes that are not UTF-8 are 400
 * {@code invalid-encoding} (Jackson would otherwise replace them silently), a charset other than UTF-8 is 415. The
 * checked bytes are handed on.
 * Form posts are limited by the container's form size and the Content-Length check, at three times the limit
 * ({@link #FORM_ENCODING_GROWTH}).
 */
public class RequestBodyGuard extends OncePerRequestFilter {

    /**
     * A form post percent-encodes every byte beyond ASCII as three ({@code ж}: two bytes of UTF-8, six of a form), so
     * a form may be three times the limit: a staff member's answer in Kazakh holds what it would hold as JSON.
     */
    public static final int FORM_ENCODING_GROWTH = 3;

    private final long maxBytes;
    private final ProblemResponses problems;

    public RequestBodyGuard(long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            if (request.getContentLengthLong() > (isForm(request) ? FORM_ENCODING_GROWTH * maxBytes : maxBytes)) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE);
            }
            if (!isJson(request)) {
                chain.doFilter(request, response);
                return;
            }
            requireUtf8Label(request);
            body = readAtMost(request.getInputStream(), maxBytes);
            if (body.length == 0) {
                throw new ApiException(ProblemType.EMPTY_BODY);
            }
            requireUtf8(body);
        } catch (ApiException refused) {
            problems.write(refused, request, response);
            return;
        }
        chain.doFilter(new CheckedBodyRequest(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false; // MVC answers 415 for an unparseable content type
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259). A body labelled with another charset would be decoded by that label (Spring's JSON
     * converter reads the Content-Type's charset, whatever the request's encoding says) after this filter found it
     * valid UTF-8, and stored garbled. 415: the client names UTF-8, or no charset.
     */
    private static void requireUtf8Label(HttpServletRequest request) {
        try {
            Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
            if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
                return;
            }
        } catch (IllegalArgumentException unknownCharset) { // named, but no charset this JVM knows
        }
        throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (out.size() > maxBytes) {
                throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE);
            }
        }
        return out.toByteArray();
    }

    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ApiException(ProblemType.INVALID_ENCODING);
        }
    }

    /** The request with its already-read, already-checked body. */
    private static final class CheckedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CheckedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous body only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
