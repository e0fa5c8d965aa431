package dev.lakehouse.inventory;

import static dev.lakehouse.inventory.Snapshots.DAY;
import static dev.lakehouse.inventory.Snapshots.snapshot;
import static dev.lakehouse.inventory.Snapshots.stock;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryHealthTest {

    @ParameterizedTest(name = "available {0}, reorder point 50: {1}, reorder {2}")
    @CsvSource({
        "-1, OUT_OF_STOCK, true",
        "0, OUT_OF_STOCK, true",
        "1, LOW_STOCK, true",
        "50, LOW_STOCK, true", // = reorder point
        "51, MEDIUM_STOCK, false",
        "100, MEDIUM_STOCK, false", // = 2 × reorder point
        "101, HIGH_STOCK, false",
    })
    void stockStatusAndReorderAtEachBound(int available, StockStatus status, boolean needsReorder) {
        InventoryHealth health = InventoryHealth.of(stock(available, 50));

        assertThat(health.stockStatus()).isEqualTo(status);
        assertThat(health.needsReorder()).isEqualTo(needsReorder);
    }

    @ParameterizedTest
    @CsvSource({
        "OUT_OF_STOCK, out of stock",
        "LOW_STOCK, low stock",
        "MEDIUM_STOCK, medium stock",
        "HIGH_STOCK, high stock",
    })
    void stockStatusCodesAreTheTableValues(StockStatus status, String code) {
        assertThat(status.code()).isEqualTo(code);
    }

    @Test
    void daysOfInventoryScaleAvailableByReorderPoint() {
        assertThat(InventoryHealth.of(stock(100, 50)).estimatedDaysOfInventory()).isEqualTo(60.0);
        assertThat(InventoryHealth.of(stock(25, 50)).estimatedDaysOfInventory()).isEqualTo(15.0);
    }

    @Test
    void daysOfInventoryWithReorderPointZeroDividesByOne() {
        assertThat(InventoryHealth.of(stock(7, 0)).estimatedDaysOfInventory()).isEqualTo(210.0);
    }

    @Test
    void daysOfInventoryIsNullWhenNothingIsAvailable() {
        assertThat(InventoryHealth.of(stock(0, 50)).estimatedDaysOfInventory()).isNull();
        assertThat(InventoryHealth.of(stock(-3, 50)).estimatedDaysOfInventory()).isNull();
    }

    @Test
    void annualTurnsAreReorderQuantityOverOnHandTimesTwelve() {
        InventorySnapshot snapshot = snapshot("SNAP1", DAY, 400, 100, 50, 300, "10.00");

        assertThat(InventoryHealth.of(snapshot).estimatedAnnualTurns()).isEqualTo(9.0);
    }

    @Test
    void annualTurnsAreZeroWithNothingOnHand() {
        InventorySnapshot snapshot = snapshot("SNAP1", DAY, 0, 0, 50, 300, "10.00");

        assertThat(InventoryHealth.of(snapshot).estimatedAnnualTurns()).isZero();
    }

    @Test
    void valuesAreQuantityTimesUnitCostAtScaleTwo() {
        InventoryHealth health = InventoryHealth.of(snapshot("SNAP1", DAY, 120, 20, 50, 300, "19.99"));

        assertThat(health.inventoryValue()).isEqualTo(new BigDecimal("2398.80"));
        assertThat(health.availableInventoryValue()).isEqualTo(new BigDecimal("1999.00"));
    }

    @Test
    void zeroStockIsWorthZero() {
        InventoryHealth health = InventoryHealth.of(snapshot("SNAP1", DAY, 0, 0, 50, 300, "19.99"));

        assertThat(health.inventoryValue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(health.availableInventoryValue()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void missingUnitCostLeavesValuesNull() {
        InventoryHealth health = InventoryHealth.of(snapshot("SNAP1", DAY, 120, 20, 50, 300, null));

        assertThat(health.inventoryValue()).isNull();
        assertThat(health.availableInventoryValue()).isNull();
    }

    @Test
    void missingQuantitiesCountAsZero() {
        InventorySnapshot empty = new InventorySnapshot("SNAP1", "PROD00001", "WH001", DAY, null, null, null, null,
                null, null, null, new BigDecimal("5.00"));

        InventoryHealth health = InventoryHealth.of(empty);

        assertThat(health.stockStatus()).isEqualTo(StockStatus.OUT_OF_STOCK);
        assertThat(health.estimatedDaysOfInventory()).isNull();
        assertThat(health.estimatedAnnualTurns()).isZero();
        assertThat(health.inventoryValue()).isEqualTo(new BigDecimal("0.00"));
        assertThat(health.inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.CRITICAL);
    }

    @Test
    void outOfStockIsCritical() {
        assertThat(InventoryHealth.of(stock(0, 50)).inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.CRITICAL);
    }

    @Test
    void lowStockLastingLessThanAWeekIsHighRisk() {
        InventoryHealth health = InventoryHealth.of(stock(100, 500)); // 6 days

        assertThat(health.estimatedDaysOfInventory()).isEqualTo(6.0);
        assertThat(health.inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.HIGH);
    }

    @Test
    void lowStockLastingAWeekOrMoreIsMediumRisk() {
        InventoryHealth health = InventoryHealth.of(stock(200, 500)); // 12 days

        assertThat(health.inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.MEDIUM);
    }

    @Test
    void mediumAndHighStockAreLowRisk() {
        assertThat(InventoryHealth.of(stock(51, 50)).inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.LOW);
        assertThat(InventoryHealth.of(stock(101, 50)).inventoryRiskLevel()).isEqualTo(InventoryRiskLevel.LOW);
    }

    @Test
    void sevenDaysExactlyIsNotHighRisk() {
        assertThat(InventoryRiskLevel.of(StockStatus.LOW_STOCK, 7.0)).isEqualTo(InventoryRiskLevel.MEDIUM);
        assertThat(InventoryRiskLevel.of(StockStatus.LOW_STOCK, Math.nextDown(7.0))).isEqualTo(InventoryRiskLevel.HIGH);
    }

    @Test
    void riskCodesAreTheTableValues() {
        assertThat(InventoryRiskLevel.CRITICAL.code()).isEqualTo("critical");
        assertThat(InventoryRiskLevel.HIGH.code()).isEqualTo("high");
        assertThat(InventoryRiskLevel.MEDIUM.code()).isEqualTo("medium");
        assertThat(InventoryRiskLevel.LOW.code()).isEqualTo("low");
    }

    @Test
    void keepsTheSnapshotItDescribes() {
        InventorySnapshot snapshot = stock(10, 50);

        assertThat(InventoryHealth.of(snapshot).snapshot()).isSameAs(snapshot);
    }
}
