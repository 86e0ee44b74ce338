package kz.hearingstate.intake.config;

import kz.hearingstate.clock.LegalClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The APPK clock: Kazakhstan's working calendar, Almaty time, 09:00 to 18:00. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    @Bean
    LegalClock legalClock() {
        return LegalClock.kazakhstan();
    }
}
