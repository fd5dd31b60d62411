package io.parking.availability.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's task scheduler, which runs the lot builder, the marker check, the
 * reconciliation pass and the change stream's poll. Its pool size is set in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
