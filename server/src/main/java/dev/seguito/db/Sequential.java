package dev.seguito.db;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs one step per item, one after the other, on a single connection (a transaction allows no overlap). */
public final class Sequential {

    private Sequential() {
    }

    public static <T, R> Future<List<R>> map(List<T> items, Function<T, Future<R>> step) {
        List<R> results = new ArrayList<>(items.size());
        Future<Void> chain = Future.succeededFuture();
        for (T item : items) {
            chain = chain.compose(v -> step.apply(item)).map(r -> {
                results.add(r);
                return null;
            });
        }
        return chain.map(v -> results);
    }

    public static <T> Future<Void> each(List<T> items, Function<T, Future<?>> step) {
        return map(items, item -> step.apply(item).map(r -> (Object) null)).mapEmpty();
    }
}
