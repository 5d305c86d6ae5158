package dev.camelzest.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A partner's Spring Boot application with camel-zest-starter: everything Zest-related is configured in
 * application.yml; the application adds only what is its own (what it does with the events it receives).
 */
@SpringBootApplication
public class ZestSpringBootExample {

    public static void main(String[] args) {
        SpringApplication.run(ZestSpringBootExample.class, args);
    }
}
