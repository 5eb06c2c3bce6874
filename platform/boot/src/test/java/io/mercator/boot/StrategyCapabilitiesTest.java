package io.mercator.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyCapabilitiesTest {

    @Test
    void countsComponentsThatProvideAStrategyInterface() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="a">
                  <service><provide interface="io.mercator.api.forecasting.ForecastStrategy"/></service>
                </scr:component>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="b">
                  <service><provide interface="java.lang.Runnable"/></service>
                </scr:component>
                <component name="c">
                  <service>
                    <provide interface='java.lang.Runnable'/>
                    <provide interface='io.mercator.api.pricing.PricingStrategy'/>
                  </service>
                </component>
                """;
        assertEquals(2, StrategyCapabilities.countStrategyComponents(xml));
    }

    @Test
    void recognisesObjectClassAsStringArrayOrList() {
        assertTrue(StrategyCapabilities.namesStrategy("io.mercator.api.forecasting.ForecastStrategy"));
        assertTrue(StrategyCapabilities.namesStrategy(List.of("x.Y", "io.mercator.api.filtering.RecommenderStrategy")));
        assertTrue(StrategyCapabilities.namesStrategy(new String[] {"io.mercator.api.pricing.PricingStrategy"}));
        assertFalse(StrategyCapabilities.namesStrategy(List.of("io.mercator.api.runtime.StrategyRegistry")));
        assertFalse(StrategyCapabilities.namesStrategy(null));
    }
}
