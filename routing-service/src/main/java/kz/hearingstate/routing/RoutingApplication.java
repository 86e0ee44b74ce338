package kz.hearingstate.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Classifies appeals, routes them to departments, runs the department workflow and the legal clock. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingApplication.class, args);
    }
}
