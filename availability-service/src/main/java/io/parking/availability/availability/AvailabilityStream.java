package io.parking.availability.availability;

import io.parking.availability.availability.LotReader.LotView;
import io.parking.availability.config.AvailabilityProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of lot counts. Every {@code parking.availability.read.stream-poll-interval} it
 * reads the change counter of each lot that has listeners (one small Redis read per lot) and, when
 * it moved, sends the lot's counts as an {@code availability} event to every listener of that lot.
 * An idle stream gets a heartbeat comment every {@code stream-heartbeat}, so proxies keep it open.
 *
 * <p>NOTE: events are sent from the scheduler thread; a client that stops reading fills its socket
 * buffer and then delays the other listeners until the send times out or the stream ends.
 */
@Component
class AvailabilityStream implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AvailabilityStream.class);

  static final String EVENT_NAME = "availability";

  private final LotReader reader;
  private final AvailabilityProperties.Read settings;
  private final Map<Long, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
  private final Map<Long, String> sentVersions = new ConcurrentHashMap<>();
  private volatile long lastHeartbeatNanos = System.nanoTime();

  AvailabilityStream(LotReader reader, AvailabilityProperties properties) {
    this.reader = reader;
    this.settings = properties.read();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    Duration interval = settings.streamPollInterval();
    registrar.addFixedDelayTask(new FixedDelayTask(this::pollChanges, interval, interval));
  }

  /** Opens a stream of the lot's counts; the current counts are its first event. */
  SseEmitter subscribe(long lotId, LotView current) {
    SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
    List<SseEmitter> lotListeners =
        listeners.computeIfAbsent(lotId, id -> new CopyOnWriteArrayList<>());
    lotListeners.add(emitter);
    Runnable remove = () -> lotListeners.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(error -> remove.run());
    // The first poll then sends nothing new unless the counts moved since this read.
    sentVersions.putIfAbsent(lotId, current.etag());
    send(lotId, emitter, current);
    log.debug("stream of lot {} opened, {} listener(s)", lotId, lotListeners.size());
    return emitter;
  }

  /** Sends each watched lot's counts when its version moved, and a heartbeat when due. */
  void pollChanges() {
    for (Map.Entry<Long, List<SseEmitter>> entry : listeners.entrySet()) {
      long lotId = entry.getKey();
      if (entry.getValue().isEmpty()) {
        listeners.remove(lotId, entry.getValue());
        sentVersions.remove(lotId);
        continue;
      }
      try {
        String version = reader.version(lotId);
        if (version.equals(sentVersions.put(lotId, version))) {
          continue;
        }
        Optional<LotView> view = reader.read(lotId);
        view.ifPresent(
            current -> entry.getValue().forEach(emitter -> send(lotId, emitter, current)));
      } catch (DataAccessException exception) {
        log.warn("reading lot {} for its stream failed: {}", lotId, exception.toString());
      }
    }
    if (System.nanoTime() - lastHeartbeatNanos >= settings.streamHeartbeat().toNanos()) {
      lastHeartbeatNanos = System.nanoTime();
      listeners.forEach((lotId, emitters) -> emitters.forEach(emitter -> heartbeat(emitter)));
    }
  }

  private void send(long lotId, SseEmitter emitter, LotView view) {
    try {
      emitter.send(
          SseEmitter.event()
              .name(EVENT_NAME)
              .id(view.etag())
              .data(view.body(), MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException exception) {
      log.debug("stream of lot {} closed by the client: {}", lotId, exception.toString());
      emitter.completeWithError(exception);
    }
  }

  private static void heartbeat(SseEmitter emitter) {
    try {
      emitter.send(SseEmitter.event().comment("heartbeat"));
    } catch (IOException | IllegalStateException exception) {
      emitter.completeWithError(exception);
    }
  }
}
