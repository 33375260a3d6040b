"""Django's Redis cache backend, keeping one Redis client per connection pool.

Django builds a new `redis.Redis` around the pool for every cache call; with
redis-py 8 that object copies a table of some 170 response callbacks when it is
made, which was a quarter of the time of a reader-cache hit. A client is safe to
share between threads (the pool hands out connections), so one is kept per pool.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
