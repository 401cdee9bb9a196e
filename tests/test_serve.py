"""`python -m ita serve`: the proxy's configuration pins each browser to one worker."""

from ita import serve


def test_proxy_config_puts_every_worker_behind_one_sticky_cookie():
    config = serve.proxy_config("127.0.0.1", 8501, [8502, 8503])
    assert "bind 127.0.0.1:8501" in config
    assert f"cookie {serve.STICKY_COOKIE} insert indirect nocache httponly" in config
    servers = [line.split() for line in config.splitlines() if line.strip().startswith("server ")]
    assert servers == [
        ["server", "w1", "127.0.0.1:8502", "check", "cookie", "w1"],
        ["server", "w2", "127.0.0.1:8503", "check", "cookie", "w2"],
    ]
    # websockets live as long as a tab is open
    assert "timeout tunnel 1h" in config


def test_workers_listen_on_loopback_only_without_the_file_watcher():
    command = serve.worker_command(8502)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--server.port") + 1] == "8502"
    assert command[command.index("--server.fileWatcherType") + 1] == "none"
