package kz.hearingstate.notification.config;

import java.util.concurrent.ThreadLocalRandom;

import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.delivery.RetryBackoff;
import kz.hearingstate.notification.directory.DepartmentDirectory;
import kz.hearingstate.notification.planning.NotificationPlanner;
import kz.hearingstate.notification.template.MessageTemplates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain domain classes, wired from {@code hearing.notification.*}. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    @Bean
    MessageTemplates messageTemplates() {
        return new MessageTemplates();
    }

    @Bean
    NotificationPlanner notificationPlanner(DepartmentDirectory directory, NotificationProperties properties) {
        return new NotificationPlanner(directory::find, directory::confidential, properties.webhook().channels().keySet(),
                properties.staffLanguage(), properties.akimOffice(), properties.publicBaseUrl());
    }

    @Bean
    RetryBackoff retryBackoff(NotificationProperties properties) {
        NotificationProperties.Delivery delivery = properties.delivery();
        return new RetryBackoff(delivery.initialBackoff(), delivery.multiplier(), delivery.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
