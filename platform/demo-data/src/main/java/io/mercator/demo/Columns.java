package io.mercator.demo;

import java.util.Arrays;

/** Growable primitive columns for the generator's row-by-row output. */
final class Columns {

    private Columns() {
    }

    /** Loyalty-card transaction lines. */
    static final class Transactions {
        long[] invoice = new long[1024];
        int[] customer = new int[1024];
        int[] day = new int[1024];
        int[] sku = new int[1024];
        int[] quantity = new int[1024];
        double[] amount = new double[1024];
        private int size;

        void add(long invoiceNumber, int customerIndex, int dayIndex, int skuIndex, int qty, double value) {
            if (size == invoice.length) {
                int capacity = size * 2;
                invoice = Arrays.copyOf(invoice, capacity);
                customer = Arrays.copyOf(customer, capacity);
                day = Arrays.copyOf(day, capacity);
                sku = Arrays.copyOf(sku, capacity);
                quantity = Arrays.copyOf(quantity, capacity);
                amount = Arrays.copyOf(amount, capacity);
            }
            invoice[size] = invoiceNumber;
            customer[size] = customerIndex;
            day[size] = dayIndex;
            sku[size] = skuIndex;
            quantity[size] = qty;
            amount[size] = value;
            size++;
        }

        int size() {
            return size;
        }
    }

    /** Views, purchases and ratings, in time order per customer. */
    static final class Interactions {
        int[] customer = new int[1024];
        int[] sku = new int[1024];
        long[] timestamp = new long[1024];
        byte[] event = new byte[1024];
        double[] value = new double[1024];
        private int size;

        static final byte VIEW = 0;
        static final byte PURCHASE = 1;
        static final byte RATING = 2;
        static final String[] EVENT_NAMES = {"view", "purchase", "rating"};

        void add(int customerIndex, int skuIndex, long epochSecond, byte kind, double amount) {
            if (size == customer.length) {
                int capacity = size * 2;
                customer = Arrays.copyOf(customer, capacity);
                sku = Arrays.copyOf(sku, capacity);
                timestamp = Arrays.copyOf(timestamp, capacity);
                event = Arrays.copyOf(event, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            customer[size] = customerIndex;
            sku[size] = skuIndex;
            timestamp[size] = epochSecond;
            event[size] = kind;
            value[size] = amount;
            size++;
        }

        int size() {
            return size;
        }
    }
}
