package dev.camelzest.examples.springboot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.ZestConstants;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The latest Zest events the application received, kept in memory for its REST endpoint (bounded). */
@Component("receivedEvents")
public class ReceivedEvents {

    static final int KEPT = 100;

    private final Deque<Map<String, String>> latest = new ArrayDeque<>();

    public synchronized void add(@Header(ZestConstants.EVENT_ID) String eventId,
            @Header(ZestConstants.EVENT_TYPE) String eventType, @Body String json) {
        if (latest.size() == KEPT) {
            latest.removeLast();
        }
        latest.addFirst(Map.of("eventId", eventId, "eventType", eventType, "json", json));
    }

    public synchronized List<Map<String, String>> latest() {
        return List.copyOf(latest);
    }
}
