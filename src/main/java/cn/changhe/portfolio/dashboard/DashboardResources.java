package cn.changhe.portfolio.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's scripts and styles, from the jar: revalidated on each load (they are small, and
 * a new release must show at once).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zone.dashboard.enabled", matchIfMissing = true)
class DashboardResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/dashboard/**")
			.addResourceLocations("classpath:/dashboard/")
			.setCacheControl(CacheControl.noCache());
	}

}
