package io.parking.payment.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that retries failed captures. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {}
