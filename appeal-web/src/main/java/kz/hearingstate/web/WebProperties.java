package kz.hearingstate.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hearing.web.*} (the API keys are under {@code hearing.web.security}).
 *
 * @param maxBodySize larger JSON bodies get 413 {@code payload-too-large}
 */
@ConfigurationProperties("hearing.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
