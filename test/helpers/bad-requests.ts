import { connect } from 'node:net';

/**
 * Requests a hostile or broken client sends: traversal (plain, encoded, double
 * encoded, to a sibling folder whose name starts like the site's), undecodable
 * paths, NUL bytes, absolute and proxy forms, odd methods, bad request lines and
 * headers, oversized lines, and bytes that are not HTTP at all.
 */
export const BAD_REQUESTS: readonly string[] = [
  'GET /..%2f..%2fetc%2fpasswd HTTP/1.1',
  'GET /% HTTP/1.1',
  'GET /%E0%A4%A HTTP/1.1',
  'GET /%ff%fe HTTP/1.1',
  'GET /..%2fsite-old/secret.txt HTTP/1.1',
  'GET /../site-old/secret.txt HTTP/1.1',
  'GET /../../../../etc/passwd HTTP/1.1',
  'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1',
  'GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1',
  'GET /committees/..%2f..%2f..%2fsecret.txt HTTP/1.1',
  'GET /a%2f..%2f..%2f..%2fsecret.txt HTTP/1.1',
  'GET /..\\..\\secret.txt HTTP/1.1',
  'GET /%5c..%5c..%5csecret.txt HTTP/1.1',
  'GET /%00 HTTP/1.1',
  'GET /index.html%00.txt HTTP/1.1',
  'GET //etc/passwd HTTP/1.1',
  'GET /..;/secret.txt HTTP/1.1',
  'GET /%c0%ae%c0%ae/secret.txt HTTP/1.1',
  'GET http://[bad HTTP/1.1',
  'GET http://example.com/ HTTP/1.1',
  'GET file:///etc/passwd HTTP/1.1',
  'GET * HTTP/1.1',
  'OPTIONS * HTTP/1.1',
  'CONNECT example.com:443 HTTP/1.1',
  'POST / HTTP/1.1\r\ncontent-length: 5\r\n\r\nhello',
  'DELETE /index.html HTTP/1.1',
  'GET / HTTP/9.9',
  'GET /',
  'GET / HTTP/1.1\r\nHost: \u0000\r\nX: \u0001',
  'GET / HTTP/1.1\r\nBad Header Line',
  'GET / HTTP/1.1\r\ncontent-length: -1',
  `GET /${'a'.repeat(100_000)} HTTP/1.1`,
  'GET /?q=<script>alert(1)</script> HTTP/1.1',
  'GET /assets/../../secret.txt HTTP/1.1',
  '\u0000\u0001\u0002\u0003 garbage',
  '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000',
];

/** Send raw bytes and return what came back (or what did by the time the server closed or `ms` passed). */
export function sendRaw(port: number, request: string, ms = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request.includes('\r\n\r\n') ? request : `${request}\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n`);
  });
}
