package dev.camelzest.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Spring Boot application: what a partner's application has before adding the starter. */
@SpringBootApplication
public class StarterTestApplication {
}
