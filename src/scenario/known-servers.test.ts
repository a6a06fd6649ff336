import { describe, expect, it } from 'vitest';
import { knownServerAnswer } from './known-servers';

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.40';
const window = (image: string, words: string[], probe: Parameters<typeof knownServerAnswer>[2]) => {
  const answer = knownServerAnswer(image, words, probe);
  return answer && [answer.from, answer.until];
};

describe('knownServerAnswer', () => {
  it('knows agnhost liveness: /healthz healthy for 10 s, its redirects, its port', () => {
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/healthz', port: 8080 })).toEqual([0, 10]);
    expect(window(AGNHOST, ['/agnhost', 'liveness'], { handler: 'httpGet', path: '/redirect?loc=%2Fhealthz', port: 8080 })).toEqual([0, 10]);
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/redirect?loc=http%3A%2F%2F0.0.0.0%2F', port: 8080 })).toEqual([0, Infinity]);
    expect(knownServerAnswer(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/redirect?loc=http%3A%2F%2F0.0.0.0%2F', port: 8080 })?.redirect).toBe('http://0.0.0.0/');
    // A location without a host stays on it: the kubelet follows it.
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/redirect?loc=healthz', port: 8080 })).toEqual([0, 10]);
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/redirect', port: 8080 })).toEqual([0, 0]);
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/', port: 8080 })).toEqual([0, 0]);
    expect(window(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/healthz', port: 8081 })).toEqual([0, 0]);
    expect(window(AGNHOST, ['liveness'], { handler: 'tcpSocket', port: 8080 })).toEqual([0, Infinity]);
    expect(knownServerAnswer(AGNHOST, ['liveness'], { handler: 'httpGet', path: '/healthz', port: null })?.why).toBe('its port names no container port');
  });

  it('knows agnhost test-webserver on 80 or its --port, and grpc-health-checking on 5000', () => {
    expect(window(AGNHOST, ['test-webserver'], { handler: 'httpGet', path: '/anything', port: 80 })).toEqual([0, Infinity]);
    expect(window(AGNHOST, ['test-webserver', '--port', '8000'], { handler: 'httpGet', path: '/', port: 80 })).toEqual([0, 0]);
    expect(window(AGNHOST, ['test-webserver', '--port=8000'], { handler: 'tcpSocket', port: 8000 })).toEqual([0, Infinity]);
    expect(window(AGNHOST, ['/agnhost', 'grpc-health-checking'], { handler: 'grpc', port: 5000 })).toEqual([0, Infinity]);
    expect(window(AGNHOST, ['/agnhost', 'grpc-health-checking'], { handler: 'grpc', port: 2333 })).toEqual([0, 0]);
  });

  it('says nothing of other images and other agnhost subcommands', () => {
    expect(knownServerAnswer('nginx:1.27', [], { handler: 'httpGet', path: '/', port: 80 })).toBeNull();
    expect(knownServerAnswer('example.com/not-agnhost:1', ['liveness'], { handler: 'httpGet', path: '/healthz', port: 8080 })).toBeNull();
    expect(knownServerAnswer(AGNHOST, ['pause'], { handler: 'tcpSocket', port: 80 })).toBeNull();
  });
});
