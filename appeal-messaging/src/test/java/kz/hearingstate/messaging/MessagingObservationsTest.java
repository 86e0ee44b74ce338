package kz.hearingstate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class MessagingObservationsTest {

    @Test
    void givenNoSetting_thenPublishingAndConsumingAreNotObserved() {
        MockEnvironment environment = new MockEnvironment();
        new MessagingObservations().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.observations.enable.spring.cloud.function")).isEqualTo("false");
        assertThat(environment.getProperty("management.observations.enable.spring.integration")).isEqualTo("false");
    }

    @Test
    void givenAServiceThatTurnsThemOn_thenItsSettingWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("management.observations.enable.spring.integration", "true");
        new MessagingObservations().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.observations.enable.spring.integration")).isEqualTo("true");
        assertThat(environment.getProperty("management.observations.enable.spring.cloud.function")).isEqualTo("false");
    }
}
