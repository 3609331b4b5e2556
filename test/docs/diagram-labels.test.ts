import { label, LABEL_LINE, unbrokenLabel } from '../../lib/docs/flow-diagram';

describe('diagram labels break into lines a column can hold', () => {
  test('words wrap at spaces (<br>), and unbrokenLabel gives the text back', () => {
    const text = 'clients: addresses 0.0.0.0/0 except 169.254.0.0/16';
    expect(label(text)).toBe('clients: addresses 0.0.0.0/0 except<br>169.254.0.0/16');
    expect(unbrokenLabel(label(text))).toBe(text);
  });

  test('a label selector longer than a line breaks after its = or /, never leaving a line over the limit where it can break', () => {
    const text = 'kube-system: svccontroller.k3s.cattle.io/svcname=gateway, svccontroller.k3s.cattle.io/svcnamespace=edd-cloud';
    expect(unbrokenLabel(label(text))).toBe(text);
    const lines = label(text).split('<br>');
    expect(lines).toEqual([
      'kube-system:',
      'svccontroller.k3s.cattle.io/svcname=',
      'gateway,',
      'svccontroller.k3s.cattle.io/',
      'svcnamespace=edd-cloud',
    ]);
    expect(lines.every((l) => l.length <= LABEL_LINE)).toBe(true);
  });

  test('quotes are escaped for a quoted Mermaid label', () => {
    expect(label('say "hi"')).toBe('say #quot;hi#quot;');
  });
});
