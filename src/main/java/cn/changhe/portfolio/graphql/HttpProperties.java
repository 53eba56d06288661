package cn.changhe.portfolio.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers to GET may be cached, under {@code zone.http.*}.
 *
 * @param publicMaxAge how long a browser or a shared cache may keep an answer to the public
 * ({@code Cache-Control: public, max-age}); an answer to a client with a token is
 * {@code private, no-cache} (kept by that client only, and checked again by its ETag each time)
 */
@ConfigurationProperties("zone.http")
public record HttpProperties(@DefaultValue("60s") Duration publicMaxAge) {
}
