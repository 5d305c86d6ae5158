package dev.camelzest.springboot.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Spring Boot application, in a package of its own so that it scans none of the starter's classes. */
@SpringBootApplication
public class StarterTestApplication {
}
