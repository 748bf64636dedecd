import ast
t = ast.parse("x = 1 + 2*y\nprint(x)\n")
print(ast.dump(t, indent=1))
print(ast.unparse(t))
for n in ast.walk(t):
    print(type(n).__name__, getattr(n, 'lineno', None))
class V(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(node.value * 10), node)
t2 = ast.fix_missing_locations(V().visit(t))
y = 3
exec(compile(t2, "<ast>", "exec"))
print(ast.literal_eval("{'a': [1, 2.5, -3j], 'b': (None, True, b'x')}"))
print(ast.BinOp.__doc__, ast.BinOp._fields, ast.expr._attributes, ast.FunctionDef.returns)
try: ast.BinOp(1,2,3,4)
except TypeError as e: print(e)
try: ast.BinOp(1,left=2)
except TypeError as e: print(e)
import copy, pickle
b = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
print(ast.dump(copy.deepcopy(b)), ast.dump(pickle.loads(pickle.dumps(b))))
match b:
    case ast.BinOp(ast.Constant(v), ast.Add(), r): print("match", v, ast.dump(r))
try: compile(ast.Module([ast.Expr(ast.Name('x', ast.Load()))], []), 'f', 'exec')
except TypeError as e: print(type(e).__name__, e)
try: ast.parse("x = = 1")
except SyntaxError as e: print(e)
print(ast.dump(ast.parse("(int, str) -> None", mode="func_type")))
print(ast.dump(ast.parse("x = 1 # type: int", type_comments=True)))
print(isinstance(ast.Num(3), ast.Constant), ast.Num(3).n)
big = ast.Expression(ast.BinOp(ast.Constant(2**70), ast.Mult(), ast.Constant(1.5+2j)))
print(eval(compile(ast.fix_missing_locations(big), "e", "eval")))
print(eval(compile(ast.Expression(ast.Constant(-2**100)), "e", "eval")) if False else ast.literal_eval("-2**100" if False else "-1267650600228229401496703205376"))
print(ast.get_docstring(ast.parse('"""Module doc.\n\n    More text.\n"""\nx = 1')))
class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)
c = Counter()
c.visit(ast.parse("def f(a, b):\n    return a + b * c\n"))
print(c.names)
print(ast.unparse(ast.parse("async def g(*, k=1):\n    async with a as b:\n        await b\n    return [i async for i in k if i]")))
try:
    compile(ast.Expression(ast.Constant([1])), "e", "eval")
except TypeError as e:
    print(type(e).__name__, e)
try:
    compile(ast.Module([], []), "e", "eval")
except TypeError as e:
    print(type(e).__name__, e)
print(compile("1+1", "s", "eval", ast.PyCF_ONLY_AST).__class__.__name__)
