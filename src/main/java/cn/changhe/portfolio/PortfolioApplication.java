package cn.changhe.portfolio;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The GraphQL API over the investment and fund portfolio of the Yangtze River Delta (Huzhou)
 * Industrial Cooperation Zone (长三角（湖州）产业合作区, 长合区).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortfolioApplication {

	public static void main(String[] args) {
		// Instants are stored and served in UTC whatever the host's zone is.
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		SpringApplication.run(PortfolioApplication.class, args);
	}

}
