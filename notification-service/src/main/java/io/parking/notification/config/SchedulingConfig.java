package io.parking.notification.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that sends and retries deliveries. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
