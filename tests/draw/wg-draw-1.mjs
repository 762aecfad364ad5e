// wg-draw-1.mjs — an independent implementation of SPEC §10's random draw, written from the
// specification alone (node's crypto, BigInt), to check the C one against.
//   node wg-draw-1.mjs INPUT.json   -> the published document for the inputs
//   node wg-draw-1.mjs --from DOC   -> the document recomputed from a document's own inputs
// INPUT.json: {"seed":S,"n":n,"k":k,"candidates":[{"uscc":U,"weight":w}],"roster":[id],
//              "excluded":{U:[id]}} in any order; prints compact JSON and a newline, or
// "error: ..." on stderr with exit status 1 when the draw cannot be made.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

function H(s) {
	const d = createHash('sha256').update(Buffer.from(s, 'utf8')).digest();
	return d.readBigUInt64BE(0);
}

const byteCmp = (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
function idCmp(a, b) {
	const na = typeof a === 'number', nb = typeof b === 'number';
	if (na && nb) return a < b ? -1 : a > b ? 1 : 0;
	if (na !== nb) return na ? -1 : 1;
	return byteCmp(a, b);
}

function draw(inp) {
	const cands = [...inp.candidates].sort((a, b) => byteCmp(a.uscc, b.uscc));
	const roster = [...new Set(inp.roster)].sort(idCmp);
	const excluded = {};
	for (const c of cands) {
		const ids = (inp.excluded[c.uscc] || []).filter((id) => roster.includes(id));
		if (ids.length) excluded[c.uscc] = [...new Set(ids)].sort(idCmp);
	}
	const { seed, n, k } = inp;
	if (n > cands.length) throw new Error(`too few candidates`);
	const remaining = cands.map((c) => ({ uscc: c.uscc, weight: BigInt(c.weight) }));
	const order = [];
	for (let r = 1; r <= n; r++) {
		const W = remaining.reduce((s, c) => s + c.weight, 0n);
		const x = H(`${seed}:target:${r}`) % W;
		let acc = 0n;
		for (let i = 0; i < remaining.length; i++) {
			acc += remaining[i].weight;
			if (acc > x) {
				order.push(remaining[i].uscc);
				remaining.splice(i, 1);
				break;
			}
		}
	}
	const drawn = order.map((uscc) => {
		const chosen = [];
		const ex = excluded[uscc] || [];
		for (let i = 1; i <= k; i++) {
			const E = roster.filter((id) => !ex.includes(id) && !chosen.includes(id));
			if (i === 1 && E.length < k) throw new Error(`too few inspectors for ${uscc}`);
			const x = H(`${seed}:inspector:${uscc}:${i}`) % BigInt(E.length);
			chosen.push(E[Number(x)]);
		}
		return { uscc, inspectors: chosen };
	});
	return {
		algorithm: 'wg-draw-1',
		seed,
		n,
		k,
		candidates: cands.map((c) => ({ uscc: c.uscc, weight: c.weight })),
		roster,
		excluded,
		drawn,
	};
}

const args = process.argv.slice(2);
const file = args[0] === '--from' ? args[1] : args[0];
const inp = JSON.parse(readFileSync(file, 'utf8'));
try {
	process.stdout.write(JSON.stringify(draw(inp)) + '\n');
} catch (e) {
	process.stderr.write(`error: ${e.message}\n`);
	process.exit(1);
}
