package dev.dragoman.kit.autoconfigure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dragoman.kit.*}.
 *
 * @param gatewayUrl   Dragoman's base URL; events go to its {@code /events}
 * @param apiKey       the service's key at Dragoman, sent as {@code X-Api-Key}
 * @param inboxPath    where Dragoman delivers copies (the context's {@code inbox} in the maps)
 * @param source       the CloudEvents {@code source} of the service's events; default {@code /} + {@code spring.application.name}
 * @param createSchema whether the kit creates its tables itself (Flyway, its own history table)
 * @param watchdog     the deadline watchdog of the saga steps
 * @param clockSkewAllowance how far the clocks of Dragoman and this service may be apart: the watchdog rolls a step back
 *                     at its deadline plus this, a {@code confirmed} outcome is taken until then, and a step request or a
 *                     {@code confirmed} is refused as expired only at its expirytime plus this (compensations and
 *                     {@code cancelled} outcomes never expire); zero or more
 */
@ConfigurationProperties("dragoman.kit")
@Validated
public record DragomanKitProperties(
        @NotNull URI gatewayUrl,
        @NotBlank String apiKey,
        @DefaultValue("/dragoman/inbox") @Pattern(regexp = "/\\S*", message = "must start with /") String inboxPath,
        String source,
        @DefaultValue("true") boolean createSchema,
        @Valid @DefaultValue Relay relay,
        @Valid @DefaultValue Watchdog watchdog,
        @DefaultValue("2s") Duration clockSkewAllowance) {

    public DragomanKitProperties {
        if (clockSkewAllowance == null || clockSkewAllowance.isNegative()) {
            throw new IllegalArgumentException("dragoman.kit.clock-skew-allowance must be zero or a positive duration, not "
                    + clockSkewAllowance);
        }
    }

    /**
     * @param interval  how often the watchdog looks for completed steps past their deadline; a step rolls back at
     *                  most this long after its deadline (while the database answers)
     * @param batchSize how many steps one pass takes
     */
    public record Watchdog(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("100") @Positive int batchSize) {

        public Watchdog {
            if (interval == null || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("dragoman.kit.watchdog.interval must be a positive duration, not " + interval);
            }
        }
    }

    /**
     * @param interval   how often the relay looks for due events
     * @param firstRetry the wait after the first failed attempt; it doubles after each further one
     * @param maxRetry   the longest wait between attempts
     * @param timeout    how long one attempt may take (shorter when the deadline is nearer)
     * @param batchSize  how many events one pass takes
     */
    public record Relay(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("500ms") Duration firstRetry,
            @DefaultValue("1m") Duration maxRetry,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("100") @Positive int batchSize) {

        public Relay {
            positive("interval", interval);
            positive("first-retry", firstRetry);
            positive("max-retry", maxRetry);
            positive("timeout", timeout);
            if (maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("dragoman.kit.relay.max-retry (" + maxRetry + ") must not be shorter than first-retry ("
                        + firstRetry + ")");
            }
        }

        private static void positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("dragoman.kit.relay." + name + " must be a positive duration, not " + value);
            }
        }
    }
}
