package cn.changhe.portfolio.bench;

import cn.changhe.portfolio.bench.ScaleDataset.Size;

import org.springframework.context.ConfigurableApplicationContext;

final class Harness {

	Harness(ConfigurableApplicationContext app, String token, Size size, String loadLine) {
	}

	void run() {
	}

}
