package dev.camelzest.examples.springboot;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's own REST endpoint: the latest Zest events it received, newest first. */
@RestController
public class EventsController {

    private final ReceivedEvents events;

    public EventsController(ReceivedEvents events) {
        this.events = events;
    }

    @GetMapping("/events")
    public List<Map<String, String>> latest() {
        return events.latest();
    }
}
